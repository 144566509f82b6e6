package io.tally.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP/1.1 written byte by byte over a socket, as a hostile client would send it: a chunked body
 * that need not end, or a {@code Content-Length} the body never reaches. No client library would
 * send these, which is why they are tested.
 */
public final class RawHttp {

    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * A JSON {@code POST} with a chunked body of {@code body}'s bytes in chunks of {@code chunkSize};
     * with {@code finish} false the last chunk is never sent, as if the body went on. The answer
     * is read as far as its status line, headers and first JSON object.
     */
    public String chunkedPost(String path, byte[] body, int chunkSize, boolean finish) {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, "Transfer-Encoding: chunked"));
            for (int offset = 0; offset < body.length; offset += chunkSize) {
                byte[] chunk = Arrays.copyOfRange(body, offset, Math.min(body.length, offset + chunkSize));
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (finish) {
                out.write(LAST_CHUNK);
            }
            out.flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON {@code POST} that announces {@code announced} bytes and sends only {@code sent}. */
    public String announcedPost(String path, long announced, byte[] sent) {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, "Content-Length: " + announced));
            out.write(sent);
            out.flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} bytes of the letter a, a body no parser gets as far as reading. */
    public static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] head(String path, String framing) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The status line, the headers and as much of the body as makes one JSON object: enough to judge. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0 && text.indexOf('}', headEnd) > 0) {
                return text;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}

package io.tally.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 written byte by byte over a socket, as a hostile client would send it: a chunked body
 * that need not end, or a {@code Content-Length} the body never reaches. No client library would
 * send these, which is why they are tested.
 */
public final class RawHttp {

    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?m)^content-length: *([0-9]+)");

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * A JSON {@code POST} with a chunked body of {@code body}'s bytes in chunks of {@code chunkSize};
     * with {@code finish} false the last chunk is never sent, as if the body went on. The answer
     * is read whole.
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

    /**
     * Whatever request text is given, sent as it is (a request line and headers no client library
     * would write), and the whole answer.
     */
    public String send(String request) {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The status line, the headers and the body: as many bytes as {@code Content-Length} says, up
     * to the last chunk of a chunked one, or up to the end of the connection.
     */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0 && complete(text.substring(0, headEnd).toLowerCase(Locale.ROOT), text.length() - headEnd - 4,
                    text.substring(headEnd + 4))) {
                break;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String head, int bodyBytes, String body) {
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return bodyBytes >= Long.parseLong(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }
}

package io.tally.gateway.console;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a page address of the console stands for: the file at that path when there is one, else
 * the page itself ({@code index.html}), whose router shows the route ({@code /customers/abc},
 * {@code /register}). Under {@code assets/} a missing file stays missing: a stale hashed name
 * must fail visibly instead of loading the page as a script. Each decoded segment must be a plain
 * name (no dot segment, no slash, backslash or percent sign left after decoding), so no address
 * reaches a file outside the location, however it is encoded.
 */
final class ConsoleFiles {

    static final String INDEX = "index.html";
    static final String ASSETS = "assets";
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}\\p{N}_~!$&'()*+,=@-][\\p{L}\\p{N}._~!$&'()*+,=@-]*");

    /** A file to answer with; {@code fingerprinted} files never change under their name. */
    record ConsoleFile(Resource resource, boolean fingerprinted) {

        MediaType mediaType() {
            MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
            return "text".equals(type.getType()) ? new MediaType(type, StandardCharsets.UTF_8) : type;
        }
    }

    private final Resource location;

    ConsoleFiles(Resource location) {
        this.location = location;
    }

    /** The answer to a raw (still encoded) request path; empty where there is none. */
    Optional<ConsoleFile> find(String rawPath) {
        Optional<List<String>> names = names(rawPath);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> segments = names.get();
        boolean directory = segments.isEmpty() || rawPath.endsWith("/");
        if (!directory) {
            Optional<Resource> file = readable(String.join("/", segments));
            if (file.isPresent()) {
                return Optional.of(new ConsoleFile(file.get(), segments.get(0).equals(ASSETS)));
            }
        }
        if (!segments.isEmpty() && segments.get(0).equals(ASSETS)) {
            return Optional.empty();
        }
        return readable(INDEX).map(index -> new ConsoleFile(index, false));
    }

    /** The decoded segments of a path, without a trailing empty one; empty if any is not a plain name. */
    static Optional<List<String>> names(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        List<String> names = new ArrayList<>();
        for (int index = 0; index < raw.length; index++) {
            if (raw[index].isEmpty() && index == raw.length - 1) {
                break;
            }
            String name;
            try {
                name = UriUtils.decode(raw[index], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            if (!PLAIN_NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            names.add(name);
        }
        return Optional.of(names);
    }

    private Optional<Resource> readable(String relativePath) {
        try {
            Resource resource = location.createRelative(relativePath);
            return resource.isReadable() ? Optional.of(resource) : Optional.empty();
        } catch (IOException unreachable) {
            return Optional.empty();
        }
    }
}

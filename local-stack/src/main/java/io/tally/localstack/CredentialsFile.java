package io.tally.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passwords and tokens the launcher hands out, kept in .local-stack/credentials under the repository root and
 * never printed: a terminal's scrollback and any log of the launcher's output would keep them. Each line is
 * NAME='value', so that {@code source .local-stack/credentials} puts them into a shell. The file is readable by its
 * owner only from the moment it exists: every write makes an owner-only file beside it and moves that over it.
 */
final class CredentialsFile {

    /** Relative to the repository root, where local-stack/run starts the launcher, so that it can be typed there. */
    static final String PATH = ".local-stack/credentials";
    static final String SOURCE = "source " + PATH;

    private static final String HEADER = "# The passwords and tokens of ./local-stack/run, for a shell: " + SOURCE;
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** A line as {@link #quoted} writes it; a value with a line break in it goes on over the next lines. */
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=((?:'[^']*'|\\\\')*)$",
            Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Pattern QUOTED_PART = Pattern.compile("'([^']*)'|\\\\'");

    private final Path file;

    private CredentialsFile(Path file) {
        this.file = file;
    }

    static CredentialsFile under(Path repositoryRoot) {
        return new CredentialsFile(repositoryRoot.resolve(PATH));
    }

    /**
     * What a start leaves: its own values, and of an earlier run's only the demo admin's login, while the auth
     * database that knows it was kept. An earlier provider password or development tokens would contradict this run's.
     */
    void start(Map<String, String> values, boolean authDatabaseKept) {
        replace(values, name -> !(authDatabaseKept && name.startsWith(Demo.ADMIN_VARIABLE_PREFIX)));
    }

    /** Sets these values, each in place of its name's line; the other lines stay. */
    void write(Map<String, String> values) {
        replace(values, name -> false);
    }

    private void replace(Map<String, String> values, Predicate<String> dropped) {
        try {
            Map<String, String> entries = read();
            entries.keySet().removeIf(dropped);
            entries.putAll(values);
            save(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the credentials in " + file, e);
        }
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (Files.exists(file)) {
            Matcher entry = ENTRY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (entry.find()) {
                entries.put(entry.group(1), unquoted(entry.group(2)));
            }
        }
        return entries;
    }

    /** The new content goes to a file that is owner-only before it holds anything, then takes the old one's place. */
    private void save(Map<String, String> entries) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((name, value) -> text.append(name).append('=').append(quoted(value)).append('\n'));
        Path directory = Files.createDirectories(file.getParent());
        Path next = Files.createTempFile(directory, ".credentials-", ".next", OWNER_ONLY);
        try {
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    /** Single quotes keep everything literal; a single quote itself closes them, is escaped, and opens them again. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String unquoted(String quoted) {
        StringBuilder value = new StringBuilder();
        Matcher part = QUOTED_PART.matcher(quoted);
        while (part.find()) {
            value.append(part.group(1) == null ? "'" : part.group(1));
        }
        return value.toString();
    }
}

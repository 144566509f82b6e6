package io.tally.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's shell, the judge of what the launcher writes and prints for one. */
final class Bash {

    static final String TOKEN = "header.payload.signature";

    private Bash() {
    }

    /**
     * Runs the script in the directory, with an environment holding nothing but PATH, so that no variable of the
     * test's own environment can stand in for one the script should have set; answers what it printed.
     */
    static String run(Path directory, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(List.of("PATH"));
        Process bash = builder.start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as("bash's exit status, having printed %s", output).isZero();
        return output;
    }

    /** Each value as bash has it after sourcing the file. */
    static List<String> sourced(Path directory, Path file, String... names) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("source '" + file + "'; printf '%s\\0'");
        for (String name : names) {
            script.append(" \"${").append(name).append("-(unset)}\"");
        }
        return terminated(run(directory, script.toString()));
    }

    /**
     * Runs the printed commands (a {@code source} line and a sign-in line among them) with a curl that notes its
     * arguments and answers {@link #TOKEN}; answers those arguments, once the sign-in put the token into the variable.
     */
    static List<String> signInArguments(Path directory, List<String> printed, String tokenVariable)
            throws IOException, InterruptedException {
        String curl = "curl() { printf '%s\\0' \"$@\" > curl.arguments; printf '{\"accessToken\":\"" + TOKEN
                + "\"}'; }";
        List<String> commands = printed.stream()
                .filter(line -> line.startsWith("source ") || line.startsWith("export ")).toList();

        String output = run(directory, curl + "\n" + String.join("\n", commands)
                + "\nprintf %s \"$" + tokenVariable + "\"");

        assertThat(output).isEqualTo(TOKEN);
        return terminated(Files.readString(directory.resolve("curl.arguments"), StandardCharsets.UTF_8));
    }

    /** The strings of printf '%s\0', which keeps any line break or space in them. */
    private static List<String> terminated(String printed) {
        assertThat(printed).endsWith("\0");
        return List.of(printed.substring(0, printed.length() - 1).split("\0", -1));
    }
}

package io.tally.localstack;

/** Something the machine lacks before anything is started: what is wrong, and what to do about it. */
record StartupProblem(String what, String remedy) {
}

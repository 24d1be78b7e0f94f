package dev.kassa.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The day as numbered steps. A set-up step ({@link #run}) that fails ends the day, since what follows needs
 * it; a check ({@link #check}) that fails is recorded and the next check still runs. Every result is printed
 * as it happens and kept in {@code target/e2e-logs/steps.txt}; {@link #summary()} lists them all.
 */
final class Steps {

    enum Outcome { PASSED, FAILED }

    record Result(int no, String name, Outcome outcome, long millis, String detail) {
        String line() {
            return String.format("%3d  %-6s %6.1f s  %s%s", no, outcome, millis / 1000.0, name,
                    detail == null || detail.isEmpty() ? "" : "  -- " + firstLine(detail));
        }
    }

    /** Thrown when a set-up step failed: the rest of the day cannot run. */
    static final class DayStopped extends RuntimeException {
        DayStopped(String step, Throwable cause) {
            super("The day stopped at step '" + step + "'", cause);
        }
    }

    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final List<Result> results = new ArrayList<>();
    private final Path file;
    private final long began = System.nanoTime();
    private String notes = "";

    Steps(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A set-up step: its failure stops the day. */
    <T> T run(String name, Body<T> body) {
        long t0 = System.nanoTime();
        try {
            T value = body.run();
            record(name, Outcome.PASSED, t0, notes);
            return value;
        } catch (Throwable e) {
            record(name, Outcome.FAILED, t0, message(e));
            throw new DayStopped(name, e);
        } finally {
            notes = "";
        }
    }

    void run(String name, Action action) {
        run(name, () -> {
            action.run();
            return null;
        });
    }

    /** A check: its failure is recorded, the day goes on. */
    boolean check(String name, Action action) {
        long t0 = System.nanoTime();
        try {
            action.run();
            record(name, Outcome.PASSED, t0, notes);
            return true;
        } catch (Throwable e) {
            record(name, Outcome.FAILED, t0, message(e));
            return false;
        } finally {
            notes = "";
        }
    }

    /** Something worth knowing about the running step (shown on its result line). */
    void note(String note) {
        notes = notes.isEmpty() ? note : notes + "; " + note;
    }

    boolean anyFailed() {
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED);
    }

    String summary() {
        StringBuilder out = new StringBuilder(String.format("%nBusiness day: %d steps, %d passed, %d failed, %.1f s%n",
                results.size(), results.stream().filter(r -> r.outcome() == Outcome.PASSED).count(),
                results.stream().filter(r -> r.outcome() == Outcome.FAILED).count(), (System.nanoTime() - began) / 1e9));
        results.forEach(r -> out.append(r.line()).append('\n'));
        List<Result> failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
        if (!failed.isEmpty()) {
            out.append("\nFailures in detail:\n");
            failed.forEach(r -> out.append("--- step ").append(r.no()).append(" ").append(r.name()).append(":\n")
                    .append(r.detail()).append('\n'));
        }
        return out.toString();
    }

    private void record(String name, Outcome outcome, long t0, String detail) {
        Result r = new Result(results.size() + 1, name, outcome, (System.nanoTime() - t0) / 1_000_000, detail);
        results.add(r);
        String text = r.line() + (outcome == Outcome.FAILED ? "\n" + indent(detail) : "");
        System.out.println(text);
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console has it
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        String text = (e instanceof AssertionError || e instanceof IllegalStateException) && m != null
                ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        if (e.getCause() != null && e.getCause() != e && !(e instanceof AssertionError)) {
            text += "\n  caused by " + e.getCause();
        }
        return text;
    }

    private static String indent(String s) {
        return s == null ? "" : "       " + s.replace("\n", "\n       ");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }
}

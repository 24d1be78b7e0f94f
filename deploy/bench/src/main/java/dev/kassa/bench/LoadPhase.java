package dev.kassa.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives virtual terminals on the HTTP client's event loop. Each terminal runs a {@link Loop} one request at a
 * time: closed loop (the next request as soon as the last one answered), or paced (one request every
 * {@code pace}, on an open-loop schedule: a request's latency runs from the time it was due, so a slow answer
 * that delays the next request is counted against the system, not hidden; no coordinated omission).
 * Everything is recorded on that one thread into the current {@link Window}; {@link #rotate} closes it and
 * opens the next, and a request counts in the window in which it completed. Every non-2xx answer and every
 * failure is an error (the first few are printed with their body); the terminal then abandons its sale.
 */
final class LoadPhase {

    static final int ERRORS_PRINTED = 5;
    /** Pause after an error in the closed loop, so a dead service is not hammered in a tight loop. */
    static final Duration ERROR_PAUSE = Duration.ofMillis(50);

    /** One request of a terminal's loop; {@code requiredField}: the reply must carry {@code data.<it>}. */
    record Step(String op, Http.Request request, String requiredField) {
    }

    /** What one virtual terminal does, one request at a time. Only ever called on the event loop. */
    interface Loop {
        Step next();

        /** The step's 2xx reply arrived at {@code nanos}; true when it completed a unit of work (a sale). */
        boolean accept(Http.Reply reply, long nanos, boolean measured);

        /** The step failed: start over. */
        void abandon();
    }

    /** What was recorded between two rotations. */
    static final class Window {
        final LatencyTable table;
        final boolean measured;
        final long startNanos;
        long endNanos;
        long completed;
        long requests;
        long errors;

        Window(List<String> operations, boolean measured, long startNanos) {
            this.table = new LatencyTable(operations);
            this.measured = measured;
            this.startNanos = startNanos;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double perSecond(long n) {
            double s = seconds();
            return s <= 0 ? 0 : n / s;
        }
    }

    private final Http http;
    private final Context context;
    private final PrintStream out;
    private final List<String> operations;
    private final Duration pace;
    private final AtomicInteger printed = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Window current;
    private volatile boolean stopping;

    /** {@code pace}: zero for the closed loop. */
    LoadPhase(Http http, PrintStream out, List<String> operations, Duration pace) {
        this.http = http;
        this.context = http.context();
        this.out = out;
        this.operations = List.copyOf(operations);
        this.pace = pace;
    }

    /**
     * Starts {@code terminals} loops; paced ones start spread evenly over {@code spread} (one whole sale's worth of
     * intervals, so that in steady state the terminals are evenly spread over the steps of a sale and every window
     * sees the same mix of operations).
     */
    void start(int terminals, Duration spread, IntFunction<Loop> loopFor) {
        long now = System.nanoTime();
        current = new Window(operations, false, now);
        context.runOnContext(v -> {
            long begin = System.nanoTime();
            for (int i = 0; i < terminals; i++) {
                Loop loop = loopFor.apply(i);
                if (pace.isZero()) {
                    issue(loop, 0);
                } else {
                    long due = begin + Math.max(spread.toNanos(), pace.toNanos()) * i / terminals;
                    at(due, () -> issue(loop, due));
                }
            }
        });
    }

    /** Closes the current window at this instant and opens the next one; returns the closed one. */
    Window rotate(boolean nextMeasured) throws InterruptedException {
        CompletableFuture<Window> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            long now = System.nanoTime();
            Window closed = current;
            closed.endNanos = now;
            current = new Window(operations, nextMeasured, now);
            done.complete(closed);
        });
        return await(done);
    }

    /** Stops issuing requests, closes the current window and waits for the requests in flight (they are not counted). */
    Window stop() throws InterruptedException {
        stopping = true;
        Window last = rotate(false);
        long deadline = System.nanoTime() + Http.REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return last;
    }

    /** Sends the loop's next step; {@code due}: when it was scheduled (paced), or 0 to time it from sending. */
    private void issue(Loop loop, long due) {
        if (stopping) {
            return;
        }
        Step step = loop.next();
        long sent = System.nanoTime();
        long from = due == 0 ? sent : due;
        inFlight.incrementAndGet();
        http.send(step.request()).onComplete(ar -> {
            inFlight.decrementAndGet();
            answered(loop, step, from, due, ar);
        });
    }

    private void answered(Loop loop, Step step, long from, long due, AsyncResult<Http.Reply> ar) {
        long end = System.nanoTime();
        Window w = current;
        String problem = problem(step, ar);
        if (problem == null) {
            w.requests++;
            w.table.record(step.op(), (end - from) / 1_000);
            if (loop.accept(ar.result(), end, w.measured)) {
                w.completed++;
            }
        } else {
            w.errors++;
            w.table.error(step.op());
            int n = printed.incrementAndGet();
            if (n <= ERRORS_PRINTED) {
                out.printf("  error %d (%s%s): %s%n", n, step.op(), w.measured ? "" : ", not measured", problem);
            } else if (n == ERRORS_PRINTED + 1) {
                out.println("  (further errors are counted, not printed)");
            }
            loop.abandon();
        }
        if (pace.isZero()) {
            if (problem == null) {
                issue(loop, 0);
            } else {
                context.owner().setTimer(ERROR_PAUSE.toMillis(), id -> issue(loop, 0));
            }
        } else {
            long next = due + pace.toNanos();
            at(next, () -> issue(loop, next));
        }
    }

    private static String problem(Step step, AsyncResult<Http.Reply> ar) {
        if (ar.failed()) {
            return String.valueOf(ar.cause());
        }
        Http.Reply reply = ar.result();
        if (!reply.ok()) {
            return "HTTP " + reply.status() + " " + Provisioner.brief(reply.text());
        }
        if (step.requiredField() != null && reply.data(step.requiredField()).isEmpty()) {
            return "HTTP " + reply.status() + " without data." + step.requiredField() + ": "
                    + Provisioner.brief(reply.text());
        }
        return null;
    }

    /** Runs {@code task} on the loop at {@code nanos} (System.nanoTime), at once when that has passed. */
    private void at(long nanos, Runnable task) {
        long delayMillis = TimeUnit.NANOSECONDS.toMillis(nanos - System.nanoTime());
        if (delayMillis < 1) {
            task.run();
        } else {
            context.owner().setTimer(delayMillis, id -> task.run());
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}

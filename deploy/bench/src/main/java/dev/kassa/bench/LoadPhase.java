package dev.kassa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * One closed-loop phase: {@code concurrency} virtual threads each repeat an iteration with no think time
 * for warm-up + duration. A request counts when it started after the warm-up and ended before the end of
 * the measured window; no request is started after that end. Every non-2xx answer and every exception is
 * an error (the first few are printed with their body).
 */
final class LoadPhase {

    static final int ERRORS_PRINTED = 5;
    /** Pause after an error so a dead service is not hammered in a tight loop. */
    static final Duration ERROR_PAUSE = Duration.ofMillis(50);

    /** One pass of a virtual terminal's loop (a whole sale, or one request of the floor). */
    interface Iteration {
        void run(Session session) throws InterruptedException;
    }

    /** What a phase measured. */
    record Result(LatencyTable table, double measuredSeconds, long completed, long warmupErrors) {

        double perSecond(long n) {
            return measuredSeconds <= 0 ? 0 : n / measuredSeconds;
        }
    }

    /** The per-thread side of a phase: its own table, so recording never contends. */
    final class Session {
        private final LatencyTable table;
        private long completed;
        private long warmupErrors;
        private long lastEnd;

        private Session(List<String> operations) {
            this.table = new LatencyTable(operations);
        }

        /**
         * Sends one request; returns the reply when it is 2xx (and has {@code data.<requiredField>} when that is
         * not null), else records an error and returns null: the caller then abandons its iteration.
         */
        Http.Reply call(String op, HttpRequest request, String requiredField) throws InterruptedException {
            long start = System.nanoTime();
            Http.Reply reply;
            try {
                reply = http.send(request);
            } catch (HttpTimeoutException e) {
                return failed(op, start, "timeout after " + Http.REQUEST_TIMEOUT.toSeconds() + " s");
            } catch (IOException e) {
                return failed(op, start, e.toString());
            }
            if (!reply.ok()) {
                return failed(op, start, "HTTP " + reply.status() + " " + Provisioner.brief(reply.body()));
            }
            if (requiredField != null && reply.data(requiredField).isEmpty()) {
                return failed(op, start, "HTTP " + reply.status() + " without data." + requiredField + ": "
                        + Provisioner.brief(reply.body()));
            }
            long end = System.nanoTime();
            lastEnd = end;
            requests.increment();
            if (measured(start, end)) {
                table.record(op, (end - start) / 1_000);
            }
            return reply;
        }

        /** When the last successful request ended (System.nanoTime). */
        long lastEnd() {
            return lastEnd;
        }

        boolean measured(long start, long end) {
            return start >= measureStart && end <= measureEnd;
        }

        /** Counts a completed unit of work (a sale) when it ended inside the measured window. */
        void completed(long start, long end) {
            if (measured(start, end)) {
                completed++;
            }
        }

        private Http.Reply failed(String op, long start, String what) throws InterruptedException {
            errors.increment();
            if (start >= measureStart) {
                table.error(op);
            } else {
                warmupErrors++;
            }
            int n = printed.incrementAndGet();
            if (n <= ERRORS_PRINTED) {
                out.printf("  error %d (%s%s): %s%n", n, op, start < measureStart ? ", warm-up" : "", what);
            } else if (n == ERRORS_PRINTED + 1) {
                out.println("  (further errors are counted, not printed)");
            }
            Thread.sleep(ERROR_PAUSE);
            return null;
        }
    }

    private final Http http;
    private final PrintStream out;
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicInteger printed = new AtomicInteger();
    private volatile long measureStart;
    private volatile long measureEnd;

    LoadPhase(Http http, PrintStream out) {
        this.http = http;
        this.out = out;
    }

    Result run(String name, int concurrency, Duration warmup, Duration duration, List<String> operations,
               IntFunction<Iteration> iterationFor) throws InterruptedException {
        long start = System.nanoTime();
        measureStart = start + warmup.toNanos();
        measureEnd = measureStart + duration.toNanos();
        out.printf("%s: %d virtual terminals, %s s warm-up, %s s measured ...%n", name, concurrency,
                Report.num(warmup.toMillis() / 1000.0), Report.num(duration.toMillis() / 1000.0));
        List<Session> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < concurrency; i++) {
            Session session = new Session(operations);
            sessions.add(session);
            Iteration iteration = iterationFor.apply(i);
            pool.submit(() -> {
                while (System.nanoTime() < measureEnd) {
                    try {
                        iteration.run(session);
                    } catch (RuntimeException e) {
                        session.failed("bench", System.nanoTime(), "bench bug: " + e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        long tick = TimeUnit.SECONDS.toNanos(10);
        long nextTick = start + tick;
        while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now >= nextTick && now < measureEnd) {
                out.printf("  %3d s: %d requests, %d errors%s%n", TimeUnit.NANOSECONDS.toSeconds(now - start),
                        requests.sum(), errors.sum(), now < measureStart ? " (warm-up)" : "");
                nextTick += tick;
            }
        }
        LatencyTable all = new LatencyTable(operations);
        long completed = 0;
        long warmupErrors = 0;
        for (Session s : sessions) {
            all.add(s.table);
            completed += s.completed;
            warmupErrors += s.warmupErrors;
        }
        return new Result(all, duration.toNanos() / 1e9, completed, warmupErrors);
    }
}

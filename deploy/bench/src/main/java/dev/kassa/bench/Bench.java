package dev.kassa.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./pos bench}: provisions a bench tenant, runs the sale phase (N virtual terminals, each looping
 * create cart, K x add item, subtotal, pay cash, bill), then the floor phase (the same N connections on
 * GET / of the cart service), and prints the table and the targets. Exit code 0 whenever the benchmark
 * ran, 1 when provisioning failed, 2 on a bad command line.
 */
public final class Bench {

    /** How long to wait after the sale phase for the last tranlogs. */
    static final Duration KAFKA_GRACE = Duration.ofSeconds(5);

    private Bench() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before kafka-clients creates its first logger: its chatter (and its reconnect warnings) would bury the table.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Try ./pos bench --help");
            return 2;
        }
        if (options.help()) {
            out.println(BenchOptions.USAGE);
            return 0;
        }
        try (Http http = new Http()) {
            Provisioner provisioner = new Provisioner(http, options, out);
            Provisioner.BenchTenant tenant;
            try {
                provisioner.checkServicesUp();
                String tenantId = Provisioner.freshTenantId();
                out.println("Provisioning tenant " + tenantId + " through the public API ...");
                long began = System.nanoTime();
                tenant = provisioner.provision(tenantId);
                out.printf("Provisioned in %.1f s.%n", (System.nanoTime() - began) / 1e9);
            } catch (Provisioner.ProvisioningException e) {
                err.println("bench: provisioning failed: " + e.getMessage());
                return 1;
            }

            TranlogWatcher watcher = null;
            String kafkaProblem = null;
            try {
                watcher = new TranlogWatcher(options.kafka(), tenant.tenantId());
                watcher.start();
                out.printf("Watching %s on %s (%d partitions, from their end).%n", TranlogWatcher.TOPIC,
                        options.kafka(), watcher.partitions());
            } catch (RuntimeException e) {
                kafkaProblem = "cannot read " + TranlogWatcher.TOPIC + " at " + options.kafka() + ": " + e.getMessage();
                out.println("Warning: " + kafkaProblem + "; bill-to-Kafka latency will not be measured.");
            }

            LoadPhase.Result sales;
            BillMatcher.Result kafka = null;
            try {
                LoadPhase salePhase = new LoadPhase(http, out);
                SaleLoop.BillListener bills = watcher == null ? SaleLoop.BillListener.NONE : watcher::billed;
                URI cart = options.uri(BenchOptions.CART_PORT, "");
                sales = salePhase.run("Sale phase", options.terminals(), options.warmup(), options.duration(),
                        Report.SALE_OPS, i -> new SaleLoop(cart, tenant.itemCodes(),
                                tenant.terminals().get(i % tenant.terminals().size()), bills)::sale);
                if (watcher != null) {
                    kafka = watcher.finish(KAFKA_GRACE);
                }
            } finally {
                if (watcher != null) {
                    watcher.close();
                }
            }

            URI floorUri = options.uri(BenchOptions.CART_PORT, "/");
            HttpRequest floorRequest = HttpRequest.newBuilder(floorUri).timeout(Http.REQUEST_TIMEOUT).GET().build();
            LoadPhase.Result floor = new LoadPhase(http, out).run("Floor phase (GET " + floorUri + ")",
                    options.terminals(), options.warmup(), options.duration(), List.of(Report.FLOOR_OP),
                    i -> session -> session.call(Report.FLOOR_OP, floorRequest, null));

            out.print(Report.render(new Report.Inputs(options, tenant.tenantId(), sales, floor, kafka, kafkaProblem)));
            return 0;
        }
    }
}

package dev.kassa.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets up a fresh bench tenant through the public API only (kugel-flows.md §1-§2): an admin account, the
 * tenant (which provisions every service), one store, staff, a category, K items with store prices, the
 * payment methods 01/11/12, and N terminals, each signed in, opened and holding a terminal JWT.
 */
final class Provisioner {

    static final String STORE = "0001";
    static final String STAFF = "S001";
    static final String PASSWORD = "bench-Pa55word";

    /** Terminal JWTs live 24 h (terminal service); a saved tenant whose tokens are older than this is not reused. */
    static final Duration TOKEN_REUSE = Duration.ofHours(20);
    static final int PARALLEL = 16;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    /** One opened terminal ready to sell; the API key lets a later run open more of the same tenant. */
    record BenchTerminal(String terminalId, int terminalNo, String token) {
    }

    /** What the load phase needs, and what is saved for the next run. */
    record BenchTenant(String tenantId, String storeCode, List<String> itemCodes, List<BenchTerminal> terminals,
                       long issuedMillis) {
    }

    /** A provisioning step that did not get the answer it needs; the message says which and why. */
    static final class ProvisioningException extends Exception {
        ProvisioningException(String message) {
            super(message);
        }
    }

    private final Http http;
    private final BenchOptions options;
    private final PrintStream out;
    private final Path saved;

    Provisioner(Http http, BenchOptions options, PrintStream out) {
        this.http = http;
        this.options = options;
        this.out = out;
        this.saved = options.dataDir().resolve("bench").resolve("tenant.json");
    }

    /**
     * The tenant of an earlier run when it has the same items, its tokens are fresh and its first terminal can still
     * open a cart (with more terminals opened when it has too few); otherwise a fresh one. Saved for the next run.
     */
    BenchTenant provisionOrReuse() throws ProvisioningException, InterruptedException {
        if (!options.newTenant()) {
            BenchTenant reused = reusable();
            if (reused != null) {
                return reused;
            }
        }
        String tenantId = freshTenantId();
        out.println("Provisioning tenant " + tenantId + " through the public API ...");
        BenchTenant tenant = provision(tenantId);
        save(tenant);
        return tenant;
    }

    private BenchTenant reusable() throws ProvisioningException, InterruptedException {
        BenchTenant t;
        try {
            t = Http.MAPPER.readValue(saved.toFile(), BenchTenant.class);
        } catch (IOException e) {
            return null; // none saved yet, or unreadable: provision afresh
        }
        if (t.itemCodes().size() != options.items() || t.terminals().isEmpty()
                || System.currentTimeMillis() - t.issuedMillis() > TOKEN_REUSE.toMillis()) {
            return null;
        }
        try {
            Http.Reply probe = http.postJson(options.uri(BenchOptions.CART_PORT, "/api/v1/carts"),
                    Map.of("transaction_type", 101, "user_id", "bench", "user_name", "Bench"),
                    Http.bearer(t.terminals().getFirst().token()));
            if (probe.status() != 201) {
                out.printf("Saved tenant %s cannot sell any more (HTTP %d); provisioning a fresh one.%n", t.tenantId(),
                        probe.status());
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        if (t.terminals().size() < options.terminals()) {
            int from = t.terminals().size() + 1;
            out.printf("Saved tenant %s has %d terminals; opening %d more ...%n", t.tenantId(), t.terminals().size(),
                    options.terminals() - t.terminals().size());
            List<BenchTerminal> all = new ArrayList<>(t.terminals());
            all.addAll(openTerminals(adminOf(t.tenantId()), from, options.terminals()));
            t = new BenchTenant(t.tenantId(), t.storeCode(), t.itemCodes(), List.copyOf(all), t.issuedMillis());
            save(t);
        }
        out.printf("Reusing tenant %s from %s (%d items, %d of its %d terminals).%n", t.tenantId(), saved,
                t.itemCodes().size(), options.terminals(), t.terminals().size());
        return new BenchTenant(t.tenantId(), t.storeCode(), t.itemCodes(),
                List.copyOf(t.terminals().subList(0, options.terminals())), t.issuedMillis());
    }

    private void save(BenchTenant tenant) {
        try {
            Files.createDirectories(saved.getParent());
            Path tmp = saved.resolveSibling("tenant.json.tmp");
            Http.MAPPER.writeValue(tmp.toFile(), tenant);
            Files.move(tmp, saved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            out.println("Warning: cannot save the tenant for the next run: " + e.getMessage());
        }
    }

    private static String adminName(String tenantId) {
        return "bench_" + tenantId.toLowerCase();
    }

    /** The Authorization header of the tenant's bench admin. */
    private Map<String, String> adminOf(String tenantId) throws ProvisioningException, InterruptedException {
        Http.Reply tokenReply = call("get the admin token", () -> http.postForm(
                options.uri(BenchOptions.ACCOUNT_PORT, "/api/v1/accounts/token"),
                Map.of("username", adminName(tenantId), "password", PASSWORD, "client_id", tenantId)));
        expect("get the admin token", 200, tokenReply);
        String userJwt = tokenReply.json().path("access_token").asText("");
        if (userJwt.isEmpty()) {
            throw new ProvisioningException("get the admin token: no access_token in " + brief(tokenReply.text()));
        }
        return Http.bearer(userJwt);
    }

    /** A tenant id that is new for each run: a letter and digits (the time, then three random digits). */
    static String freshTenantId() {
        return "B" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    }

    /** Fails unless account, terminal, master data and cart answer 200 on /health. */
    void checkServicesUp() throws ProvisioningException, InterruptedException {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("account", BenchOptions.ACCOUNT_PORT);
        services.put("terminal", BenchOptions.TERMINAL_PORT);
        services.put("masterdata", BenchOptions.MASTERDATA_PORT);
        services.put("cart", BenchOptions.CART_PORT);
        List<String> down = new ArrayList<>();
        for (Map.Entry<String, Integer> s : services.entrySet()) {
            URI uri = options.uri(s.getValue(), "/health");
            String problem;
            try {
                Http.Reply r = http.get(uri);
                problem = r.status() == 200 ? null : "HTTP " + r.status();
            } catch (ConnectException e) {
                problem = "nothing answers on the port";
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (problem != null) {
                down.add(String.format("  %-11s %s (%s)", s.getKey(), uri, problem));
            }
        }
        if (!down.isEmpty()) {
            throw new ProvisioningException("these services are not up:\n" + String.join("\n", down)
                    + "\nStart the system with ./pos up (./pos status shows what runs).");
        }
    }

    BenchTenant provision(String tenantId) throws ProvisioningException, InterruptedException {
        expect("register the admin account", 201, post(BenchOptions.ACCOUNT_PORT, "/api/v1/accounts/register",
                Map.of("username", adminName(tenantId), "password", PASSWORD, "tenant_id", tenantId), Map.of()));
        Map<String, String> admin = adminOf(tenantId);
 
        expect("create the tenant", 201, post(BenchOptions.TERMINAL_PORT, "/api/v1/tenants",
                Map.of("tenant_id", tenantId, "tenant_name", "Bench " + tenantId, "tags", List.of("bench")), admin));
        expect("create the store", 201, post(BenchOptions.TERMINAL_PORT, "/api/v1/tenants/" + tenantId + "/stores",
                Map.of("store_code", STORE, "store_name", "Bench store", "tags", List.of("bench")), admin));

        String md = "/api/v1/tenants/" + tenantId;
        expect("create staff " + STAFF, 201, post(BenchOptions.MASTERDATA_PORT, md + "/staff",
                Map.of("id", STAFF, "name", "Bench Staff", "pin", "1234", "roles", List.of("staff")), admin));
        expect("create category 001", 201, post(BenchOptions.MASTERDATA_PORT, md + "/categories",
                Map.of("categoryCode", "001", "description", "Bench category", "descriptionShort", "Bench",
                        "taxCode", "01"), admin));
        List<String> itemCodes = new ArrayList<>();
        for (int i = 1; i <= options.items(); i++) {
            String code = String.format("BENCH-%03d", i);
            BigDecimal price = BigDecimal.valueOf(100 + 10L * i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("itemCode", code);
            item.put("description", "Bench item " + i);
            item.put("unitPrice", price);
            item.put("unitCost", BigDecimal.valueOf(50));
            item.put("itemDetails", List.of());
            item.put("imageUrls", List.of());
            item.put("categoryCode", "001");
            item.put("taxCode", "01");
            item.put("isDiscountRestricted", false);
            expect("create item " + code, 201, post(BenchOptions.MASTERDATA_PORT, md + "/items", item, admin));
            expect("set the store price of " + code, 201, post(BenchOptions.MASTERDATA_PORT,
                    md + "/stores/" + STORE + "/items",
                    Map.of("itemCode", code, "storePrice", price.subtract(BigDecimal.TEN)), admin));
            itemCodes.add(code);
        }
        for (String[] p : new String[][] {{"01", "Cash", "true"}, {"11", "Cashless", "false"}, {"12", "Others", "false"}}) {
            boolean cash = Boolean.parseBoolean(p[2]);
            Map<String, Object> payment = new LinkedHashMap<>();
            payment.put("paymentCode", p[0]);
            payment.put("description", p[1]);
            payment.put("limitAmount", 0);
            payment.put("canRefund", cash);
            payment.put("canDepositOver", cash);
            payment.put("canChange", cash);
            payment.put("isActive", true);
            expect("create payment " + p[0], 201, post(BenchOptions.MASTERDATA_PORT, md + "/payments", payment, admin));
        }
        out.printf("Tenant %s: store %s, staff %s, %d items, payments 01/11/12. Opening %d terminals ...%n",
                tenantId, STORE, STAFF, itemCodes.size(), options.terminals());
        long issued = System.currentTimeMillis();
        long began = System.nanoTime();
        List<BenchTerminal> terminals = openTerminals(admin, 1, options.terminals());
        out.printf("Opened %d terminals in %.1f s.%n", terminals.size(), (System.nanoTime() - began) / 1e9);
        return new BenchTenant(tenantId, STORE, List.copyOf(itemCodes), terminals, issued);
    }

    /** Creates, signs in and opens the terminals {@code fromNo..toNo}, {@link #PARALLEL} at a time. */
    private List<BenchTerminal> openTerminals(Map<String, String> admin, int fromNo, int toNo)
            throws ProvisioningException, InterruptedException {
        Semaphore parallel = new Semaphore(PARALLEL);
        List<Future<BenchTerminal>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int no = fromNo; no <= toNo; no++) {
                int terminalNo = no;
                futures.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        return openTerminal(admin, terminalNo);
                    } finally {
                        parallel.release();
                    }
                }));
            }
            List<BenchTerminal> terminals = new ArrayList<>();
            long began = System.nanoTime();
            long nextReport = began + PROGRESS_EVERY.toNanos();
            for (Future<BenchTerminal> f : futures) {
                try {
                    terminals.add(f.get());
                    if (System.nanoTime() >= nextReport) {
                        out.printf("  %d of %d terminals open (%.0f s)%n", terminals.size(), futures.size(),
                                (System.nanoTime() - began) / 1e9);
                        nextReport += PROGRESS_EVERY.toNanos();
                    }
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof ProvisioningException p) {
                        throw p;
                    }
                    throw new ProvisioningException("open a terminal: " + e.getCause());
                }
            }
            return List.copyOf(terminals);
        }
    }

    private BenchTerminal openTerminal(Map<String, String> admin, int terminalNo)
            throws ProvisioningException, InterruptedException {
        String what = "terminal " + terminalNo;
        Http.Reply created = post(BenchOptions.TERMINAL_PORT, "/api/v1/terminals",
                Map.of("store_code", STORE, "terminal_no", terminalNo, "description", "Bench terminal " + terminalNo),
                admin);
        expect("create " + what, 201, created);
        String terminalId = created.data("terminalId");
        String apiKey = created.data("apiKey");
        if (terminalId.isEmpty() || apiKey.isEmpty()) {
            throw new ProvisioningException("create " + what + ": no terminalId/apiKey in " + brief(created.text()));
        }
        Map<String, String> key = Map.of("X-API-KEY", apiKey);
        String path = "/api/v1/terminals/" + terminalId;
        Http.Reply signIn = post(BenchOptions.TERMINAL_PORT, path + "/sign-in", Map.of("staff_id", STAFF), key);
        expect("sign in at " + terminalId, 200, signIn);
        Http.Reply open = post(BenchOptions.TERMINAL_PORT, path + "/open", Map.of("initial_amount", 50_000), key);
        expect("open " + terminalId, 200, open);
        // The cart reads status and staff from the claims: the token of the last state change is the one to use.
        String token = open.header("X-New-Token").or(() -> signIn.header("X-New-Token")).orElse("");
        if (token.isEmpty()) {
            Http.Reply issued = call("get a token for " + terminalId, () -> http.postJson(options.uri(
                    BenchOptions.TERMINAL_PORT, "/api/v1/auth/token?terminal_id=" + terminalId), null, key));
            expect("get a token for " + terminalId, 200, issued);
            token = tokenOf(issued);
            if (token.isEmpty()) {
                throw new ProvisioningException("get a token for " + terminalId + ": no access_token in "
                        + brief(issued.text()));
            }
        }
        return new BenchTerminal(terminalId, terminalNo, token);
    }

    private static String tokenOf(Http.Reply reply) {
        JsonNode data = reply.json().path("data");
        String t = data.path("access_token").asText("");
        return t.isEmpty() ? data.path("accessToken").asText("") : t;
    }

    private Http.Reply post(int port, String path, Object body, Map<String, String> headers)
            throws ProvisioningException, InterruptedException {
        return call("POST :" + port + path, () -> http.postJson(options.uri(port, path), body, headers));
    }

    private interface Call {
        Http.Reply run() throws IOException, InterruptedException;
    }

    private Http.Reply call(String what, Call call) throws ProvisioningException, InterruptedException {
        try {
            return call.run();
        } catch (IOException e) {
            throw new ProvisioningException(what + ": " + e);
        }
    }

    private static void expect(String what, int status, Http.Reply reply) throws ProvisioningException {
        if (reply.status() != status) {
            throw new ProvisioningException(what + ": expected HTTP " + status + ", got " + reply.status() + ": "
                    + brief(reply.text()));
        }
    }

    static String brief(String body) {
        if (body == null) {
            return "(no body)";
        }
        String b = body.replaceAll("\\s+", " ").trim();
        return b.length() > 400 ? b.substring(0, 400) + " ..." : b;
    }
}

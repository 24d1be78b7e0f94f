package dev.kassa.cart.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.cart.client.ItemDetail;
import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.ItemMaster;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.TaxMaster;
import dev.kassa.cart.domain.TaxRule;
import dev.kassa.cart.domain.TaxType;
import dev.kassa.cart.domain.TranLogMapper;
import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.payment.PaymentPlugin;
import dev.kassa.cart.repository.CounterRepository;
import dev.kassa.cart.repository.TransactionRepository;
import dev.kassa.cart.repository.TransactionWriter;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.SqlFailures;
import dev.kassa.common.pg.TenantTx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sales a terminal completed while it was offline, uploaded as a batch. Each sale becomes a transaction
 * through the same path as a bill (numbers from the terminal's counter, the transaction, its delivery
 * status and its tranlog in the outbox in one PostgreSQL transaction), so stock, journal and reports
 * consume it like any sale.
 *
 * <ul>
 *   <li>Numbers: assigned at upload from the terminal's transaction and receipt counters, in the order of
 *       the batch, and returned per sale; receipts stay unique.</li>
 *   <li>Dates: the business date (and open and business counters) are the terminal's at upload (it
 *       must be open, with staff signed in, as for a new cart); the sale's own local time is kept as its
 *       {@code generate_date_time}.</li>
 *   <li>Once: the sale's cart id is {@code offline-<client sale id>}, unique per tenant; uploading a sale
 *       again answers the stored transaction and changes nothing.</li>
 *   <li>As sold: lines keep the price the till charged and no promotion is applied again. An item master
 *       data does not know, or a price that differs from master data, is accepted and flagged: its
 *       reasons are in the tranlog's {@code additional_info.review_reasons} and the transaction is listed
 *       with {@code needs_review=true}. An unknown item is taxed with the line's {@code taxCode} when the
 *       tax master has it, else as tax exempt.</li>
 *   <li>A customer: the sale's {@code customerCode} goes into its tranlog like a cart's, so the ledgers post
 *       its points and credit. Points or credit paid offline were never held against the balance or the
 *       limit: they stand as sold and the sale is flagged ({@code unchecked_credit:31}).</li>
 *   <li>A sale the cart cannot take at all (payments that do not cover it, a payment code without
 *       plugin, master data unavailable) is answered as rejected with its error and not stored; the
 *       others of the batch are stored. Uploading it again (once fixed) is safe.</li>
 * </ul>
 */
@ApplicationScoped
public class OfflineSaleService {
    public static final String CART_ID_PREFIX = "offline-";
    public static final String REVIEW_REASONS = "review_reasons";
    public static final String CLIENT_SALE_ID = "offline_sale_id";

    public record Line(String itemCode, int quantity, BigDecimal unitPrice, String itemName, String taxCode) {
    }

    public record Sale(String clientSaleId, OffsetDateTime localTime, List<Line> lines,
                       List<PaymentRequest> payments, String customerCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String clientSaleId, String status, Long transactionNo, Long receiptNo,
                         String businessDate, String generateDateTime, BigDecimal totalAmountWithTax,
                         Boolean needsReview, List<String> reviewReasons, Error error) {

        static Result accepted(String clientSaleId, TranLog t) {
            List<String> reasons = reasons(t);
            return new Result(clientSaleId, "accepted", t.transactionNo(), t.receiptNo(), t.businessDate(),
                    t.generateDateTime(), t.sales().totalAmountWithTax(), !reasons.isEmpty(), reasons, null);
        }

        @SuppressWarnings("unchecked")
        private static List<String> reasons(TranLog t) {
            Object reasons = t.additionalInfo() == null ? null : t.additionalInfo().get(REVIEW_REASONS);
            return reasons instanceof List<?> list ? (List<String>) list : List.of();
        }

        static Result rejected(String clientSaleId, ApiException e) {
            return new Result(clientSaleId, "rejected", null, null, null, null, null, null, null,
                    new Error(e.status(), e.errorCode(), e.getMessage()));
        }
    }

    public record Error(int status, String code, String message) {
    }

    public record Batch(int accepted, int flagged, int rejected, List<Result> sales) {
    }

    @Inject
    ItemCatalog catalog;
    @Inject
    MasterConfig master;
    @Inject
    TenantTx tx;
    @Inject
    CounterRepository counters;
    @Inject
    TransactionRepository transactions;
    @Inject
    TransactionWriter writer;

    public Uni<Batch> upload(TerminalCaller caller, List<Sale> sales) {
        // the terminal must be able to sell now (open, staff signed in): else the whole batch is refused
        Cart.create("check", caller.terminal(), null, null, OffsetDateTime.now());
        return Multi.createFrom().iterable(sales)
                .onItem().transformToUniAndConcatenate(sale -> one(caller, sale)
                        .onFailure(ApiException.class)
                        .recoverWithItem(t -> Result.rejected(sale.clientSaleId(), (ApiException) t)))
                .collect().asList()
                .map(results -> {
                    int accepted = 0;
                    int flagged = 0;
                    for (Result r : results) {
                        if (r.transactionNo() != null) {
                            accepted++;
                            flagged += Boolean.TRUE.equals(r.needsReview()) ? 1 : 0;
                        }
                    }
                    return new Batch(accepted, flagged, results.size() - accepted, results);
                });
    }

    private Uni<Result> one(TerminalCaller caller, Sale sale) {
        String cartId = CART_ID_PREFIX + sale.clientSaleId();
        return stored(caller, sale, cartId).flatMap(found -> found.isPresent()
                ? Uni.createFrom().item(found.get())
                : store(caller, sale, cartId)
                .onFailure(SqlFailures::isUniqueViolation) // a concurrent upload of the same sale won
                .recoverWithUni(() -> stored(caller, sale, cartId).map(Optional::orElseThrow)));
    }

    /** The sale's transaction if it was uploaded before (by this terminal; another's id is refused). */
    private Uni<Optional<Result>> stored(TerminalCaller caller, Sale sale, String cartId) {
        return tx.run(caller.tenantId(), session -> transactions.findByCartId(session, cartId)).map(found -> {
            if (found.isEmpty()) {
                return Optional.empty();
            }
            TranLog t = found.get().tranLog();
            if (!t.storeCode().equals(caller.terminal().storeCode()) || t.terminalNo() != caller.terminal().terminalNo()) {
                throw ApiException.duplicate("Client sale id " + sale.clientSaleId()
                        + " was already uploaded by another terminal");
            }
            return Optional.of(Result.accepted(sale.clientSaleId(), t));
        });
    }

    private Uni<Result> store(TerminalCaller caller, Sale sale, String cartId) {
        String tenantId = caller.tenantId();
        String storeCode = caller.terminal().storeCode();
        int terminalNo = caller.terminal().terminalNo();
        List<Uni<Optional<ItemDetail>>> lookups = new ArrayList<>();
        for (Line line : sale.lines()) {
            lookups.add(catalog.item(tenantId, storeCode, line.itemCode(), caller.credentials())
                    .map(Optional::of)
                    .onFailure(OfflineSaleService::isUnknownItem).recoverWithItem(Optional.empty()));
        }
        Uni<List<Optional<ItemDetail>>> items = Uni.join().all(lookups).andFailFast();
        Uni<CartContext> context = master.context(tenantId, storeCode, caller.credentials());
        Uni<MasterConfig.Master> settings = master.master(tenantId, caller.credentials());
        return Uni.combine().all().unis(items, context, settings).asTuple().flatMap(t -> {
            CartContext ctx = t.getItem2().withPromotions(List.of()); // sold as the till charged it
            List<String> reasons = new ArrayList<>();
            List<ItemToAdd> adds = new ArrayList<>();
            for (int i = 0; i < sale.lines().size(); i++) {
                adds.add(asSold(sale.lines().get(i), t.getItem1().get(i), ctx.taxMaster(), reasons));
            }
            Cart cart = Cart.create(cartId, caller.terminal(), TranLog.SALE, null, sale.localTime());
            if (sale.customerCode() != null) {
                cart.forCustomer(sale.customerCode());
            }
            cart.addItems(adds, ctx).subtotal(ctx);
            if (!sale.payments().isEmpty()) {
                cart.addPayments(unheld(sale.payments(), ctx, reasons), ctx);
            }
            cart.ensureBillable();
            var range = t.getItem3().receiptCounter(storeCode, terminalNo);
            var receipt = t.getItem3().receipt(storeCode, terminalNo);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put(CLIENT_SALE_ID, sale.clientSaleId());
            info.put(REVIEW_REASONS, List.copyOf(reasons));
            String eventId = UUID.randomUUID().toString();
            return tx.runSql(tenantId, conn -> counters.next(conn, storeCode, terminalNo, range.start(), range.end())
                    .flatMap(n -> {
                        cart.bill(new TransactionNumbers(n.transactionNo(), n.receiptNo()), sale.localTime(), receipt)
                                .annotate(info);
                        TranLog tranLog = TranLogMapper.fromCart(cart, eventId);
                        return writer.insert(conn, tranLog, cartId, false)
                                .replaceWith(Result.accepted(sale.clientSaleId(), tranLog));
                    }));
        });
    }

    /**
     * Points and credit taken while offline were never held against the customer's balance or limit: they
     * stand as sold (the ledger posts them from the tranlog, even past the limit) and are flagged. Their
     * detail is dropped, so no payment can name a hold of another cart.
     */
    static List<PaymentRequest> unheld(List<PaymentRequest> payments, CartContext ctx, List<String> reasons) {
        List<PaymentRequest> out = new ArrayList<>(payments.size());
        for (PaymentRequest p : payments) {
            PaymentPlugin plugin = ctx.paymentPlugins().find(p.paymentCode());
            if (plugin != null && plugin.ledger() != null) {
                reasons.add("unchecked_" + plugin.ledger() + ":" + p.paymentCode());
                out.add(new PaymentRequest(p.paymentCode(), p.amount(), null));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isUnknownItem(Throwable t) {
        return t instanceof ApiException e && ItemCatalog.ITEM_NOT_FOUND.equals(e.errorCode());
    }

    /** The line as the till sold it: its price; master data's item when known, else flagged. */
    static ItemToAdd asSold(Line line, Optional<ItemDetail> known, TaxMaster taxes, List<String> reasons) {
        ItemMaster item;
        if (known.isPresent()) {
            ItemDetail d = known.get();
            BigDecimal listed = CartService.master(d).priceFor(null);
            if (listed.compareTo(line.unitPrice()) != 0) {
                reasons.add("price_differs:" + line.itemCode() + ":" + listed.toPlainString());
            }
            // the sold price stands, also when it is 0 (no fallback to the listed price)
            item = new ItemMaster(d.itemCode(), d.description(), line.unitPrice(), null, d.categoryCode(),
                    d.taxCode(), d.discountRestricted(), d.imageUrls());
        } else {
            reasons.add("unknown_item:" + line.itemCode());
            String taxCode = line.taxCode() != null && taxes.contains(line.taxCode()) ? line.taxCode()
                    : exemptCode(taxes);
            item = new ItemMaster(line.itemCode(), line.itemName() == null ? line.itemCode() : line.itemName(),
                    line.unitPrice(), null, null, taxCode, false, List.of());
        }
        return new ItemToAdd(item, line.quantity(), line.unitPrice());
    }

    private static String exemptCode(TaxMaster taxes) {
        return taxes.rules().stream().filter(r -> r.taxType() == TaxType.Exempt).map(TaxRule::taxCode)
                .sorted().findFirst()
                .orElseThrow(() -> ApiException.validation("The tax master has no tax exempt code for unknown items"));
    }
}

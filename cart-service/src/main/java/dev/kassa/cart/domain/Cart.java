package dev.kassa.cart.domain;

import dev.kassa.common.api.Limits;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.kassa.cart.domain.payment.PaymentPlugin;
import dev.kassa.cart.domain.payment.Tender;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import dev.kassa.cart.domain.receipt.ReceiptText;
import dev.kassa.cart.domain.receipt.ReceiptWriter;
import dev.kassa.common.api.ApiException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cart aggregate: one sale from creation to bill or cancel.
 *
 * <p>Every operation first asks {@link CartStateMachine} whether it is allowed in the current state
 * (400 / 300004 if not), then validates, recalculates everything ({@link CartCalculator}: promotions,
 * line discounts, subtotal discounts and their allocation, taxes, totals, stamp duty) and only then
 * changes the cart, so a failed operation leaves the cart exactly as it was. Each successful mutation
 * increments {@link #version()}, which the store uses for optimistic concurrency (compare the version
 * it loaded, write version+1).
 *
 * <p>JSON: the fields below are the stored form (Jackson, field access, camelCase; read it back with
 * the same mapper). The API response is {@link CartView#of(Cart)}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class Cart {
    public static final int NOT_NUMBERED = -1;

    private long version;
    private String cartId;
    private CartState cartStatus;
    private int transactionType;
    private String tenantId;
    private String storeCode;
    private String storeName;
    private int terminalNo;
    private String businessDate;
    private int openCounter;
    private int businessCounter;
    private Staff staff;
    private Staff user;
    private long transactionNo = NOT_NUMBERED;
    private long receiptNo = NOT_NUMBERED;
    private String generateDateTime;
    private List<LineItem> lineItems = List.of();
    private List<Discount> subtotalDiscounts = List.of();
    private List<Payment> payments = List.of();
    private List<Tax> taxes = List.of();
    private BigDecimal lineItemsAmount = BigDecimal.ZERO;
    private BigDecimal totalAmount = BigDecimal.ZERO;
    private BigDecimal taxAmount = BigDecimal.ZERO;
    private BigDecimal totalAmountWithTax = BigDecimal.ZERO;
    private int totalQuantity;
    private BigDecimal totalDiscountAmount = BigDecimal.ZERO;
    private BigDecimal depositAmount = BigDecimal.ZERO;
    private BigDecimal changeAmount = BigDecimal.ZERO;
    private BigDecimal balanceAmount = BigDecimal.ZERO;
    private StampDuty stampDuty = StampDuty.NONE;
    private boolean isCancelled;
    private String receiptText;
    private String journalText;
    private Map<String, Object> additionalInfo = Map.of();
    /** The customer the sale is for, or null; the tranlog carries it as {@code additional_info.customer_code}. */
    private String customerCode;
    /** The attached customer as master data answered (null when none, or named at create without a look-up). */
    private Customer customer;

    private Cart() {
        // for Jackson
    }

    // ---------------------------------------------------------------- creation

    /**
     * A new cart (Initial --create--> Idle). The terminal must be Opened (else 400 / 404001) and have a
     * staff member signed in (else 400 / 404002).
     *
     * @param transactionType 101 (sale) when null
     * @param user            the optional {@code userId}/{@code userName} of the create request, or null
     */
    public static Cart create(String cartId, TerminalInfo terminal, Integer transactionType, Staff user, OffsetDateTime now) {
        if (!TerminalInfo.OPENED.equals(terminal.status())) {
            throw CartErrors.terminalNotOpened(terminal.status());
        }
        if (terminal.staff() == null || terminal.staff().id() == null) {
            throw CartErrors.staffNotSignedIn();
        }
        Cart cart = new Cart();
        cart.cartStatus = CartStateMachine.transition(CartState.Initial, CartEvent.CREATE);
        cart.cartId = cartId;
        cart.transactionType = transactionType == null ? 101 : transactionType;
        cart.tenantId = terminal.tenantId();
        cart.storeCode = terminal.storeCode();
        cart.storeName = terminal.storeName();
        cart.terminalNo = terminal.terminalNo();
        cart.businessDate = terminal.businessDate();
        cart.openCounter = terminal.openCounter();
        cart.businessCounter = terminal.businessCounter();
        cart.staff = terminal.staff();
        cart.user = user;
        cart.generateDateTime = timestamp(now);
        cart.version = 1;
        return cart;
    }

    // ---------------------------------------------------------------- operations

    /** Reading a cart is an event too (allowed in every state but Initial). */
    public Cart get() {
        CartStateMachine.transition(cartStatus, CartEvent.GET);
        return this;
    }

    /** Adds lines (Idle/EnteringItem -> EnteringItem). Quantity must be ≥ 1 and a given price ≥ 0 (else 422). */
    public Cart addItems(List<ItemToAdd> items, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.ADD_ITEM);
        if (items == null || items.isEmpty()) {
            throw CartErrors.invalid("At least one item is required");
        }
        List<LineItem> lines = new ArrayList<>(lineItems);
        for (ItemToAdd add : items) {
            requireQuantity(add.quantity());
            if (Money.isNegative(add.unitPrice())) {
                throw CartErrors.invalid("Invalid unit price: " + add.unitPrice().toPlainString());
            }
            lines.add(LineItem.of(lines.size() + 1, add.item(), add.quantity(), add.item().priceFor(add.unitPrice())));
        }
        requireRoomFor(lines.size(), "lines");
        apply(CartCalculator.calculate(lines, subtotalDiscounts, payments, ctx), next);
        return this;
    }

    /** Cancels a line (it stays on the cart with {@code isCancelled}); cancelling it again changes nothing. */
    public Cart cancelLineItem(int lineNo, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.CANCEL_LINE_ITEM);
        LineItem line = line(lineNo);
        apply(CartCalculator.calculate(replace(line.cancelled()), subtotalDiscounts, payments, ctx), next);
        return this;
    }

    public Cart updateQuantity(int lineNo, int quantity, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.UPDATE_QUANTITY);
        LineItem line = activeLine(lineNo);
        requireQuantity(quantity);
        apply(CartCalculator.calculate(replace(line.withQuantity(quantity)), subtotalDiscounts, payments, ctx), next);
        return this;
    }

    /** A manual price: sets {@code isUnitPriceChanged} and keeps the first original price. */
    public Cart updateUnitPrice(int lineNo, BigDecimal unitPrice, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.UPDATE_UNIT_PRICE);
        LineItem line = activeLine(lineNo);
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw CartErrors.invalid("Invalid unit price: " + (unitPrice == null ? null : unitPrice.toPlainString()));
        }
        apply(CartCalculator.calculate(replace(line.withChangedUnitPrice(unitPrice)), subtotalDiscounts, payments, ctx), next);
        return this;
    }

    /**
     * Replaces the line's discounts. Restricted item: 400 / 402005; discounts above the line's price:
     * 400 / 402002; bad type or value: 422 / 300001. Promotions are re-applied by the recalculation.
     */
    public Cart setLineDiscounts(int lineNo, List<DiscountRequest> requests, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.ADD_LINE_DISCOUNT);
        LineItem line = activeLine(lineNo);
        if (line.isDiscountRestricted()) {
            throw CartErrors.discountRestricted(lineNo);
        }
        List<Discount> discounts = toDiscounts(requests);
        apply(CartCalculator.calculate(replace(line.withDiscounts(discounts)), subtotalDiscounts, payments, ctx), next);
        return this;
    }

    /** EnteringItem -> Paying. */
    public Cart subtotal(CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.SUBTOTAL);
        apply(CartCalculator.calculate(lineItems, subtotalDiscounts, payments, ctx), next);
        return this;
    }

    /**
     * Replaces the subtotal discounts (Paying). The amount discounts together may not exceed the balance
     * the cart has without subtotal discounts (400 / 402003); a discount that cannot be spread over the
     * discountable lines is 400 / 402004.
     */
    public Cart setSubtotalDiscounts(List<DiscountRequest> requests, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.ADD_CART_DISCOUNT);
        List<Discount> discounts = toDiscounts(requests);
        BigDecimal amounts = Money.sum(discounts.stream().filter(d -> d.discountType() == DiscountType.DiscountAmount).toList(),
                Discount::discountValue);
        if (amounts.signum() > 0) {
            BigDecimal balance = CartCalculator.calculate(lineItems, List.of(), payments, ctx).balanceAmount();
            if (amounts.compareTo(balance) > 0) {
                throw CartErrors.balanceLessThanDiscount(balance, amounts);
            }
        }
        apply(CartCalculator.calculate(lineItems, discounts, payments, ctx), next);
        return this;
    }

    /**
     * Adds tenders, one after the other, through the payment plugin of each code. Balance already 0:
     * 406 / 403001; negative amount or a balance driven below 0: 406 / 403003; plugin refusals (e.g.
     * cashless above the balance: 406 / 403004). A code without plugin is 422, one missing from the
     * payment master 404. All or nothing: a refused tender leaves the cart unchanged.
     */
    public Cart addPayments(List<PaymentRequest> requests, CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.ADD_PAYMENT);
        if (requests == null || requests.isEmpty()) {
            throw CartErrors.invalid("At least one payment is required");
        }
        requireRoomFor(payments.size() + requests.size(), "payments");
        Calculation current = CartCalculator.calculate(lineItems, subtotalDiscounts, payments, ctx);
        BigDecimal balance = current.balanceAmount();
        List<Payment> tenders = new ArrayList<>(payments);
        for (PaymentRequest request : requests) {
            if (balance.signum() <= 0) {
                throw CartErrors.balanceZero();
            }
            if (request.amount() == null) {
                throw CartErrors.invalid("amount is required");
            }
            if (request.amount().signum() < 0) {
                throw CartErrors.balanceMinus("negative amount " + request.amount().toPlainString());
            }
            PaymentPlugin plugin = ctx.paymentPlugins().require(request.paymentCode());
            PaymentMethod method = ctx.paymentMethods().get(request.paymentCode());
            if (method == null) {
                throw ApiException.notFound("Payment method not found: " + request.paymentCode());
            }
            if (plugin.ledger() != null && customerCode == null) {
                throw CartErrors.customerRequired(request.paymentCode());
            }
            Tender tender = plugin.tender(balance, request.amount());
            balance = balance.subtract(tender.amount());
            if (balance.signum() < 0) {
                throw CartErrors.balanceMinus("balance " + balance.toPlainString());
            }
            tenders.add(new Payment(tenders.size() + 1, method.paymentCode(), method.description(),
                    tender.depositAmount(), tender.amount(), request.detail()));
        }
        apply(CartCalculator.calculate(lineItems, subtotalDiscounts, tenders, ctx), next);
        return this;
    }

    /** Paying -> EnteringItem, with every payment removed. */
    public Cart resumeItemEntry(CartContext ctx) {
        CartState next = CartStateMachine.transition(cartStatus, CartEvent.RESUME_ITEM_ENTRY);
        apply(CartCalculator.calculate(lineItems, subtotalDiscounts, List.of(), ctx), next);
        return this;
    }

    /**
     * Checks, without changing anything, that {@link #bill} would be accepted: state (300004) and a
     * balance of 0 or less (406 / 403002). Call it before allocating the transaction numbers.
     */
    public void ensureBillable() {
        CartStateMachine.transition(cartStatus, CartEvent.BILL);
        if (balanceAmount.signum() > 0) {
            throw CartErrors.balanceGreaterThanZero(balanceAmount);
        }
    }

    /** Paying -> Completed: takes the numbers, stamps the time and renders the receipt and journal text. */
    public Cart bill(TransactionNumbers numbers, OffsetDateTime now, ReceiptSettings receipt) {
        ensureBillable();
        finish(CartState.Completed, numbers, now, receipt);
        return this;
    }

    /** Checks, without changing anything, that {@link #cancel} would be accepted (state only). */
    public void ensureCancellable() {
        CartStateMachine.transition(cartStatus, CartEvent.CANCEL);
    }

    /**
     * Idle/EnteringItem/Paying -> Cancelled. As in Kugel, a cancel consumes a transaction and receipt
     * number and produces a tranlog with {@code sales.is_cancelled = true}.
     */
    public Cart cancel(TransactionNumbers numbers, OffsetDateTime now, ReceiptSettings receipt) {
        ensureCancellable();
        isCancelled = true;
        finish(CartState.Cancelled, numbers, now, receipt);
        return this;
    }

    /**
     * Adds entries to the finished cart's {@code additionalInfo} (after {@link #bill}; e.g. an offline
     * sale's client id and review reasons), so its tranlog carries them.
     */
    public Cart annotate(Map<String, Object> info) {
        Map<String, Object> merged = new LinkedHashMap<>(additionalInfo);
        merged.putAll(info);
        additionalInfo = Map.copyOf(merged);
        return this;
    }

    /** Names the customer the sale is for (their points and credit ledgers post it from the tranlog). */
    public void forCustomer(String code) {
        customerCode = code;
    }

    public String customerCode() { return customerCode; }

    public Customer customer() { return customer; }

    /**
     * Whether making {@code code} (null: nobody) the cart's customer changes anything; asked before the
     * customer is looked up. Not while the cart is finished (400 / 300004), nor while a credit or points
     * payment holds the current customer's ledger (400 / 300004): the hold would be left without its
     * sale. The same customer again changes nothing.
     */
    public boolean changesCustomer(String code, CartEvent event, CartContext ctx) {
        CartStateMachine.transition(cartStatus, event);
        if (Objects.equals(code, customerCode)) {
            return false;
        }
        for (Payment p : payments) {
            PaymentPlugin plugin = ctx.paymentPlugins().find(p.paymentCode());
            if (plugin != null && plugin.ledger() != null) {
                throw ApiException.invalidState("The customer cannot change while payment " + p.paymentNo() + " ("
                        + p.paymentName() + ") holds the " + plugin.ledger() + " of customer " + customerCode
                        + ": resume item entry first");
            }
        }
        return true;
    }

    /** Names the customer the sale is for (see {@link #changesCustomer}); the state stays. */
    public Cart attachCustomer(Customer who, CartContext ctx) {
        if (changesCustomer(who.customerCode(), CartEvent.ATTACH_CUSTOMER, ctx)) {
            customerCode = who.customerCode();
            customer = who;
            version++;
        }
        return this;
    }

    /** The sale is for nobody in particular again (see {@link #changesCustomer}); the state stays. */
    public Cart detachCustomer(CartContext ctx) {
        if (changesCustomer(null, CartEvent.DETACH_CUSTOMER, ctx)) {
            customerCode = null;
            customer = null;
            version++;
        }
        return this;
    }

    // ---------------------------------------------------------------- internals

    private void finish(CartState state, TransactionNumbers numbers, OffsetDateTime now, ReceiptSettings receipt) {
        transactionNo = numbers.transactionNo();
        receiptNo = numbers.receiptNo();
        generateDateTime = timestamp(now);
        additionalInfo = additionalInfo(receipt);
        cartStatus = state;
        ReceiptText text = new ReceiptWriter().write(TranLogMapper.fromCart(this, null), receipt);
        receiptText = text.receiptText();
        journalText = text.journalText();
        version++;
    }

    private Map<String, Object> additionalInfo(ReceiptSettings receipt) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cart_id", cartId);
        if (customerCode != null) {
            info.put("customer_code", customerCode);
        }
        if (receipt.invoiceRegistrationNumber() != null) {
            info.put("invoice_registration_number", receipt.invoiceRegistrationNumber());
        }
        if (!receipt.headers().isEmpty()) {
            info.put("receipt_headers", receipt.headers().stream()
                    .map(l -> Map.of("text", l.text(), "align", l.align().name())).toList());
        }
        if (!receipt.footers().isEmpty()) {
            info.put("receipt_footers", receipt.footers().stream()
                    .map(l -> Map.of("text", l.text(), "align", l.align().name())).toList());
        }
        return Map.copyOf(info);
    }

    private void apply(Calculation c, CartState next) {
        lineItems = c.lineItems();
        subtotalDiscounts = c.subtotalDiscounts();
        payments = c.payments();
        taxes = c.taxes();
        lineItemsAmount = c.lineItemsAmount();
        totalAmount = c.totalAmount();
        taxAmount = c.taxAmount();
        totalAmountWithTax = c.totalAmountWithTax();
        totalQuantity = c.totalQuantity();
        totalDiscountAmount = c.totalDiscountAmount();
        depositAmount = c.depositAmount();
        changeAmount = c.changeAmount();
        balanceAmount = c.balanceAmount();
        stampDuty = c.stampDuty();
        cartStatus = next;
        version++;
    }

    private List<LineItem> replace(LineItem line) {
        List<LineItem> lines = new ArrayList<>(lineItems);
        lines.set(line.lineNo() - 1, line);
        return lines;
    }

    private LineItem line(int lineNo) {
        if (lineNo < 1 || lineNo > lineItems.size()) {
            throw CartErrors.lineNotFound(lineNo);
        }
        return lineItems.get(lineNo - 1);
    }

    private LineItem activeLine(int lineNo) {
        LineItem line = line(lineNo);
        if (line.isCancelled()) {
            throw CartErrors.invalid("Line item is cancelled: lineNo " + lineNo);
        }
        return line;
    }

    /** A cart holds at most {@link Limits#CART_LINES_MAX} lines (and as many payments): its tranlog stays one record. */
    public static void requireRoomFor(int count, String what) {
        if (count > Limits.CART_LINES_MAX) {
            throw CartErrors.invalid("A cart holds at most " + Limits.CART_LINES_MAX + " " + what);
        }
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1) {
            throw CartErrors.invalid("Invalid quantity: " + quantity + " (must be 1 or more)");
        }
    }

    private static List<Discount> toDiscounts(List<DiscountRequest> requests) {
        List<Discount> discounts = new ArrayList<>();
        if (requests != null) {
            for (DiscountRequest request : requests) {
                discounts.add(request.toDiscount(discounts.size() + 1));
            }
        }
        return discounts;
    }

    static String timestamp(OffsetDateTime now) {
        return now.truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    // ---------------------------------------------------------------- reading

    public long version() { return version; }
    public String cartId() { return cartId; }
    public CartState cartStatus() { return cartStatus; }
    public int transactionType() { return transactionType; }
    public String tenantId() { return tenantId; }
    public String storeCode() { return storeCode; }
    public String storeName() { return storeName; }
    public int terminalNo() { return terminalNo; }
    public String businessDate() { return businessDate; }
    public int openCounter() { return openCounter; }
    public int businessCounter() { return businessCounter; }
    public Staff staff() { return staff; }
    public Staff user() { return user; }
    public long transactionNo() { return transactionNo; }
    public long receiptNo() { return receiptNo; }
    public String generateDateTime() { return generateDateTime; }
    public List<LineItem> lineItems() { return lineItems; }
    public List<Discount> subtotalDiscounts() { return subtotalDiscounts; }
    public List<Payment> payments() { return payments; }
    public List<Tax> taxes() { return taxes; }
    /** Σ amounts of the non-cancelled lines, before subtotal discounts. */
    public BigDecimal lineItemsAmount() { return lineItemsAmount; }
    /** After subtotal discounts, without external tax (the API's {@code subtotalAmount} and {@code totalAmount}). */
    public BigDecimal totalAmount() { return totalAmount; }
    /** Σ external taxes. */
    public BigDecimal taxAmount() { return taxAmount; }
    public BigDecimal totalAmountWithTax() { return totalAmountWithTax; }
    public int totalQuantity() { return totalQuantity; }
    public BigDecimal totalDiscountAmount() { return totalDiscountAmount; }
    public BigDecimal depositAmount() { return depositAmount; }
    public BigDecimal changeAmount() { return changeAmount; }
    public BigDecimal balanceAmount() { return balanceAmount; }
    public StampDuty stampDuty() { return stampDuty; }
    public boolean isCancelled() { return isCancelled; }
    public String receiptText() { return receiptText; }
    public String journalText() { return journalText; }
    public Map<String, Object> additionalInfo() { return additionalInfo; }

    /** The terminal this cart belongs to: {@code tenant-store-terminalNo}. */
    public String terminalId() {
        return tenantId + "-" + storeCode + "-" + terminalNo;
    }
}

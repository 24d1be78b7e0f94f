/**
 * The cart's pure domain: no I/O, no CDI, plain Java, fast to test.
 *
 * <ul>
 *   <li>{@link dev.kassa.cart.domain.Cart}: the aggregate (stored as JSON; {@code version} for optimistic
 *       concurrency); its operations check {@link dev.kassa.cart.domain.CartStateMachine} first and
 *       recalculate everything with {@link dev.kassa.cart.domain.CartCalculator}. A Cart is not thread-safe:
 *       each request works on its own copy loaded from the store.</li>
 *   <li>{@link dev.kassa.cart.domain.CartContext}: what an operation needs from outside (tax master, payment
 *       master, active promotions, configured plugins), built by the service from caches and config.</li>
 *   <li>{@link dev.kassa.cart.domain.CartView}: the Cart JSON of the API;
 *       {@link dev.kassa.cart.domain.TranLogMapper}: bill/cancel as common's TranLog.</li>
 *   <li>Counters: {@link dev.kassa.cart.domain.ReceiptCounter} (wrap rule),
 *       {@link dev.kassa.cart.domain.TransactionCounter}.</li>
 *   <li>Sub-packages: {@code payment} (payment plugins), {@code promotion} (promotion plugins),
 *       {@code receipt} (receipt/journal text), {@code transaction} (void, return, Tran view).</li>
 * </ul>
 * Errors are common's {@link dev.kassa.common.api.ApiException} (see {@link dev.kassa.cart.domain.CartErrors}).
 */
package dev.kassa.cart.domain;

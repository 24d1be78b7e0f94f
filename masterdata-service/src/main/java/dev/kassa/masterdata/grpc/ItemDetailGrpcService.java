package dev.kassa.masterdata.grpc;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.Limits;
import dev.kassa.common.tenant.TenantIds;
import dev.kassa.masterdata.domain.Item;
import dev.kassa.masterdata.domain.PricedItem;
import dev.kassa.masterdata.grpc.v1.ItemDetailRequest;
import dev.kassa.masterdata.grpc.v1.ItemDetailResponse;
import dev.kassa.masterdata.grpc.v1.ItemService;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.service.StoreItemService;
import dev.kassa.common.event.FailureKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** {@code ItemService.GetItemDetail}: the REST {@code …/items/{code}/details} for the cart, over gRPC. */
@GrpcService
public class ItemDetailGrpcService implements ItemService {
    private static final Pattern CODE = Pattern.compile(Limits.NO_CONTROL_CHARACTERS);

    @Inject
    StoreItemService storeItems;

    @Inject
    JsonText json;

    @Inject
    GrpcCallers callers;

    @Override
    public Uni<ItemDetailResponse> getItemDetail(ItemDetailRequest request) {
        return callers.tenant().flatMap(callerTenant -> detailFor(request, callerTenant));
    }

    private Uni<ItemDetailResponse> detailFor(ItemDetailRequest request, String callerTenant) {
        if (!TenantIds.isValid(request.getTenantId()) || request.getItemCode().isBlank()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("tenant_id must be a tenant id and item_code must be given").asRuntimeException());
        }
        if (!isCode(request.getItemCode()) || !isCode(request.getStoreCode())) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("item_code and store_code must be "
                    + "at most " + Limits.CODE_MAX + " characters, without control characters").asRuntimeException());
        }
        if (!request.getTenantId().equals(callerTenant)) {
            return Uni.createFrom().failure(Status.PERMISSION_DENIED
                    .withDescription("The tenant in the request does not match the caller's tenant").asRuntimeException());
        }
        return storeItems.detail(request.getTenantId(), request.getStoreCode(), request.getItemCode())
                .map(this::response)
                .onFailure(ApiException.class).transform(e -> {
                    ApiException api = (ApiException) e;
                    Status status = switch (api.status()) {
                        case 404 -> Status.NOT_FOUND;
                        case 400, 422 -> Status.INVALID_ARGUMENT;
                        case 401 -> Status.UNAUTHENTICATED;
                        case 403 -> Status.PERMISSION_DENIED;
                        default -> Status.INTERNAL;
                    };
                    return status.withDescription(api.getMessage()).asRuntimeException();
                })
                // the store being away is master data's outage (callers' breakers count it); anything else is not
                .onFailure(e -> !(e instanceof StatusRuntimeException)).transform(e -> (FailureKind.of(e) == FailureKind.STORE_UNAVAILABLE
                        ? Status.UNAVAILABLE : Status.INTERNAL).withDescription("Item lookup failed").asRuntimeException());
    }

    private ItemDetailResponse response(PricedItem p) {
        Item item = p.item();
        ItemDetailResponse.Builder b = ItemDetailResponse.newBuilder()
                .setFound(true)
                .setItemCode(item.itemCode)
                .setItemName(item.description)
                .setUnitPrice(text(item.unitPrice))
                .setPrice(text(p.price()))
                .setUnitCost(text(item.unitCost))
                .setCategoryCode(item.categoryCode)
                .setTaxCode(item.taxCode)
                .setIsDiscountRestricted(item.discountRestricted)
                .addAllImageUrls(json.strings(item.imageUrls))
                .addAllItemDetails(json.strings(item.itemDetails));
        if (p.storePrice() != null) {
            b.setStorePrice(text(p.storePrice()));
        }
        return b.build();
    }

    /** Within the bounds of a code (the store code may be empty), so no store ever sees the value otherwise. */
    private static boolean isCode(String value) {
        return value.length() <= Limits.CODE_MAX && CODE.matcher(value).matches();
    }

    private static String text(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}

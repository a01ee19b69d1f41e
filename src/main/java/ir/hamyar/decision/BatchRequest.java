package ir.hamyar.decision;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a batch request, for the API description; the service reads batches in {@link DecisionService}. */
@Schema(name = "BatchRequest")
public record BatchRequest(@Schema(minItems = 1, maxItems = 500) List<Item> items) {

    @Schema(name = "BatchItem")
    public record Item(
            @Schema(enumeration = {"family", "group", "helper"}) String kind,
            String idempotencyKey,
            @Schema(description = "a FamilyProfile, GroupProfile or HelperProfile as kind says")
                    Map<String, Object> profile) {}
}

package ir.hamyar.decision;

import ir.hamyar.profile.FamilyProfile;
import ir.hamyar.profile.GroupProfile;
import ir.hamyar.profile.HelperProfile;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a batch request, for the API description; the service reads batches in {@link DecisionService}. */
@Schema(name = "BatchRequest")
public record BatchRequest(@Schema(minItems = 1, maxItems = 500) List<Item> items) {

    @Schema(name = "BatchItem")
    public record Item(
            @Schema(enumeration = {"family", "group", "helper"}) String kind,
            @Schema(pattern = IdempotencyKeys.PATTERN, nullable = true) String idempotencyKey,
            @Schema(
                            description = "a FamilyProfile, GroupProfile or HelperProfile as kind says",
                            oneOf = {FamilyProfile.class, GroupProfile.class, HelperProfile.class})
                    Map<String, Object> profile) {}
}

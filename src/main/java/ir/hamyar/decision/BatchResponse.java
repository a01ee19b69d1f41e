package ir.hamyar.decision;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a batch answer, for the API description: one Decision or Problem per item, in order. */
@Schema(name = "BatchResponse")
public record BatchResponse(@Schema(description = "a Decision or a Problem per item") List<Object> results) {}

package ir.hamyar.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the shape of every list the API answers: the items, which page of what size, whether more
 * follow, and the total where counting it is cheap (ruleset events; not the decision record).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        List<T> items,
        int page,
        int size,
        boolean hasMore,
        @Schema(description = "how many match in all; absent where counting would cost a scan") Long total) {

    /** A page from a read of one more than {@code size} rows: the extra row only tells that more follow. */
    public static <T> Page<T> ofOneMore(List<T> readOneMore, PageRequest request) {
        boolean more = readOneMore.size() > request.size();
        return new Page<>(
                more ? List.copyOf(readOneMore.subList(0, request.size())) : List.copyOf(readOneMore),
                request.page(),
                request.size(),
                more,
                null);
    }

    public static <T> Page<T> counted(List<T> items, PageRequest request, long total) {
        return new Page<>(
                List.copyOf(items),
                request.page(),
                request.size(),
                (long) request.page() * request.size() + items.size() < total,
                total);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, hasMore, total);
    }
}

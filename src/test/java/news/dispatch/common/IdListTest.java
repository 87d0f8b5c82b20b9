package news.dispatch.common;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdListTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-7000-8000-00000000000c");

    @Test
    void sizesAreRoundedUpToAPowerOfTwo() {
        assertThat(IntStream.rangeClosed(1, 9).map(IdList::paddedSize).toArray())
                .containsExactly(1, 2, 4, 4, 8, 8, 8, 8, 16);
        assertThat(IdList.paddedSize(100)).isEqualTo(128);
        assertThatThrownBy(() -> IdList.paddedSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListNamesOneParameterPerPaddedPlaceAndRepeatsTheLastId() {
        Map<String, Object> params = new HashMap<>();
        assertThat(IdList.bind("tag", List.of(A, B, C), params)).isEqualTo("(:tag0, :tag1, :tag2, :tag3)");
        assertThat(params).containsExactlyInAnyOrderEntriesOf(Map.of("tag0", A, "tag1", B, "tag2", C, "tag3", C));

        params.clear();
        assertThat(IdList.bind("id", List.of(A), params)).isEqualTo("(:id0)");
        assertThat(params).containsExactlyInAnyOrderEntriesOf(Map.of("id0", A));
        assertThatThrownBy(() -> IdList.bind("id", List.of(), new HashMap<>())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListTakesThePlaceOfInIds() {
        assertThat(IdList.expand("select a from Article a where a.id in :ids order by a.id", "(:id0, :id1)"))
                .isEqualTo("select a from Article a where a.id in (:id0, :id1) order by a.id");
        assertThat(IdList.expand("select a from Article a where a.id in :ids", "(:id0)"))
                .isEqualTo("select a from Article a where a.id in (:id0)");
    }

    @Test
    void aQueryWithoutExactlyOneIdListIsRefused() {
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id = :id", "(:id0)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id in :idsOther", "(:id0)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id in :ids or a.section.id in :ids", "(:id0)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package news.dispatch.article;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdListTest {

    @Test
    void sizesAreRoundedUpToAPowerOfTwo() {
        assertThat(IntStream.rangeClosed(1, 9).map(IdList::paddedSize).toArray())
                .containsExactly(1, 2, 4, 4, 8, 8, 8, 8, 16);
        assertThat(IdList.paddedSize(100)).isEqualTo(128);
        assertThatThrownBy(() -> IdList.paddedSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListNamesOneParameterPerPaddedPlace() {
        assertThat(IdList.expand("select a from Article a where a.id in :ids order by a.id", 4))
                .isEqualTo("select a from Article a where a.id in (:id0, :id1, :id2, :id3) order by a.id");
        assertThat(IdList.expand("select a from Article a where a.id in :ids", 1))
                .isEqualTo("select a from Article a where a.id in (:id0)");
    }

    @Test
    void aQueryWithoutExactlyOneIdListIsRefused() {
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id = :id", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id in :idsOther", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdList.expand("select a from Article a where a.id in :ids or a.section.id in :ids", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

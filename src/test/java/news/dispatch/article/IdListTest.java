package news.dispatch.article;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdListTest {

    @Test
    void sizesAreRoundedUpToAPowerOfTwo() {
        assertThat(IntStream.rangeClosed(1, 9).map(IdList::paddedSize).toArray())
                .containsExactly(1, 2, 4, 4, 8, 8, 8, 8, 16);
        assertThat(IdList.paddedSize(100)).isEqualTo(128);
    }

    @Test
    void theListNamesOneParameterPerPaddedPlace() {
        List<UUID> three = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(IdList.in(three)).isEqualTo("(:id0, :id1, :id2, :id3)");
        assertThat(IdList.in(three.subList(0, 1))).isEqualTo("(:id0)");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> IdList.in(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

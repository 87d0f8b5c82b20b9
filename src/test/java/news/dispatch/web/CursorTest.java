package news.dispatch.web;

import news.dispatch.web.problem.FieldError;
import news.dispatch.web.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-publishedAt|1625909400000000|0190a5c4-1d2e-7f00-8000-000000000001",
            "name|mustafa al-kadhimi|some-slug",
            "name|kurdî / کوردی . dots.and|slug.with.dots",
            "-articleCount|0|a",
            "position|-5|x"})
    void roundTripsAnyContent(String order, String key, String id) {
        Cursor cursor = new Cursor(order, key, id);
        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_.-]+");
        assertThat(Cursor.decode(encoded, order)).isEqualTo(cursor);
    }

    @Test
    void emptyKeyRoundTrips() {
        Cursor cursor = new Cursor("name", "", "slug");
        assertThat(Cursor.decode(cursor.encode(), "name")).isEqualTo(cursor);
    }

    @Test
    void refusesACursorOfAnotherOrder() {
        String encoded = new Cursor("publishedAt", "1", "x").encode();

        assertThatThrownBy(() -> Cursor.decode(encoded, "-publishedAt"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("cursor", "belongs to another sort order; start again without a cursor")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "c1", "c1.a.b", "c1.a.b.c.d", "c2.bmFtZQ.YQ.YQ", "c1.bmFtZQ.YQ.", "c1.bm!tZQ.YQ.YQ",
            "c1.bmFtZQ.YQ.Y", "c1.bmFtZQ.YQ.YQ==x", "djE6cHViOjE2MjU5MDk0MDAwMDAwMDA6MDE5MGE1"})
    void refusesWhatItDidNotIssue(String value) {
        assertThatThrownBy(() -> Cursor.decode(value, "name"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type().status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
                });
    }

    @Test
    void tamperedPartsAreRefusedOrReadAsAnotherPosition() {
        String encoded = new Cursor("name", "kadhimi", "slug").encode();
        // Changing the order part makes it a cursor of another list.
        String[] parts = encoded.split("\\.");
        String otherOrder = parts[0] + "." + new Cursor("-articleCount", "", "z").encode().split("\\.")[1] + "." + parts[2] + "." + parts[3];
        assertThatThrownBy(() -> Cursor.decode(otherOrder, "name")).isInstanceOf(ProblemException.class);
        // Cutting it short is refused.
        assertThatThrownBy(() -> Cursor.decode(encoded.substring(0, encoded.lastIndexOf('.')), "name"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void paramsDecodeOnlyWhenOtherParametersAreFine() {
        String encoded = new Cursor("name", "k", "s").encode();
        List<FieldError> errors = new ArrayList<>();
        assertThat(Params.cursor(encoded, "name", errors)).isEqualTo(new Cursor("name", "k", "s"));
        assertThat(Params.cursor(null, "name", errors)).isNull();

        errors.add(new FieldError("limit", "bad"));
        assertThat(Params.cursor("garbage", "name", errors)).isNull();
        assertThat(errors).hasSize(1);

        List<FieldError> fresh = new ArrayList<>();
        assertThat(Params.cursor("garbage", "name", fresh)).isNull();
        assertThat(fresh).extracting(FieldError::field).containsExactly("cursor");
    }
}

package news.dispatch.web;

import news.dispatch.web.problem.FieldError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParamsTest {

    @ParameterizedTest
    @CsvSource({"1,1", "20,20", "100,100", "42,42"})
    void acceptsLimitsFromOneToHundred(String value, int expected) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(Params.limit(value, errors)).isEqualTo(expected);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void defaultsLimitToTwenty(String value) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(Params.limit(value, errors)).isEqualTo(20);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "", "ten", "1.5", "99999999999", " 5"})
    void refusesOtherLimits(String value) {
        List<FieldError> errors = new ArrayList<>();
        Params.limit(value, errors);
        assertThat(errors).containsExactly(new FieldError("limit", "must be a whole number from 1 to 100"));
    }

    @ParameterizedTest
    @CsvSource({"true,true", "false,false"})
    void readsBooleans(String value, boolean expected) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(Params.bool("count", value, errors)).isEqualTo(expected);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "TRUE", ""})
    void refusesOtherBooleans(String value) {
        List<FieldError> errors = new ArrayList<>();
        Params.bool("count", value, errors);
        assertThat(errors).containsExactly(new FieldError("count", "must be true or false"));
    }
}

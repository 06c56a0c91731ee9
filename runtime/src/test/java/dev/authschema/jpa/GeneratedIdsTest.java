package dev.authschema.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shapes of the ids the generated entities fill in before insert. */
class GeneratedIdsTest {

    @Test
    void a_nanoid_has_its_length_in_the_url_safe_alphabet_and_does_not_repeat() {
        assertThat(Nanoid.next()).matches("[A-Za-z0-9_-]{21}");
        assertThat(Nanoid.next(8)).matches("[A-Za-z0-9_-]{8}");
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 10_000)
                .forEach(i -> assertThat(seen.add(Nanoid.next())).isTrue());
        Set<Character> used = new HashSet<>();
        seen.forEach(id -> id.chars().forEach(c -> used.add((char) c)));
        assertThat(used).as("every symbol of the 64 appears in 210,000 draws").hasSize(64);
        assertThatThrownBy(() -> Nanoid.next(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ulid_is_26_crockford_characters_that_sort_by_time() {
        String id = Ulid.next();
        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ulid.of(0)).startsWith("0000000000");
        assertThat(Ulid.of((1L << 48) - 1)).startsWith("7ZZZZZZZZZ");
        // The ULID specification's example time, 1469918176385 ms, is 01ARYZ6S41.
        assertThat(Ulid.of(1_469_918_176_385L)).startsWith("01ARYZ6S41");
        assertThat(Ulid.of(1_000L).compareTo(Ulid.of(2_000L))).isNegative();
        assertThatThrownBy(() -> Ulid.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_cuid2_is_24_base_36_characters_starting_with_a_letter() {
        assertThat(Cuid2.next()).matches("[a-z][0-9a-z]{23}");
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 10_000)
                .forEach(i -> assertThat(seen.add(Cuid2.next())).isTrue());
    }

    @Test
    void a_uuid_7_has_version_7_the_variant_and_the_time_first() {
        java.util.UUID id = java.util.UUID.fromString(TimeOrderedUuid.next());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedUuid.of(0x0123_4567_89ABL).toString()).startsWith("01234567-89ab-7");
        assertThat(TimeOrderedUuid.of(1_000L)
                        .toString()
                        .compareTo(TimeOrderedUuid.of(2_000L).toString()))
                .isNegative();
    }
}

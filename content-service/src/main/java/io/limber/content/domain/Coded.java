package io.limber.content.domain;

import java.util.Arrays;
import java.util.Optional;

/** An enum whose API spelling (lower-case, hyphenated) differs from its Java constant name. */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst();
    }

    static <E extends Enum<E> & Coded> String accepted(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Coded::code).toList());
    }
}

package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a media reference points at. */
public enum MediaKind implements Coded {
    @JsonProperty("image")
    IMAGE("image"),
    @JsonProperty("video")
    VIDEO("video"),
    @JsonProperty("animation")
    ANIMATION("animation");

    private final String code;

    MediaKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

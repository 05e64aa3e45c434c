package io.limber.session.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.session.service.SessionProblem;

/**
 * Makes a write safe to retry under an Idempotency-Key, one way for every write. The key is
 * claimed before the write, in the write's own transaction: the claim and what the write makes
 * commit together or not at all, so a write refused or failed leaves its key free for the retry,
 * and of concurrent requests with one key exactly one writes while the others wait for it and
 * answer what it made. A key claimed with another request body is refused.
 */
@ApplicationScoped
public class Idempotency {

    /** @param replayed true when an earlier request with the same key made it */
    public record Answer<T>(T value, boolean replayed) {}

    private final IdempotencyRecords records;
    private final ObjectMapper mapper;

    Idempotency(IdempotencyRecords records, ObjectMapper mapper) {
        this.records = records;
        this.mapper = mapper;
    }

    /**
     * @param key the Idempotency-Key, or null: then the write is simply made
     * @param request the parsed request body, fingerprinted to tell a retry from a reuse
     * @param first makes the resource, of the id given
     * @param earlier answers with the resource of the id given, as it is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Answer<T> once(
            String memberId,
            IdempotentWrite write,
            String key,
            Object request,
            Function<UUID, T> first,
            Function<UUID, T> earlier) {
        UUID id = UUID.randomUUID();
        if (key == null) {
            return new Answer<>(first.apply(id), false);
        }
        String hash = hash(request);
        if (records.claim(memberId, write, key, hash, id)) {
            return new Answer<>(first.apply(id), false);
        }
        IdempotencyRecords.Claimed claimed = records.find(memberId, write, key)
                .orElseThrow(() -> new IllegalStateException("Idempotency-Key conflict without a record"));
        if (!claimed.requestHash().equals(hash)) {
            throw SessionProblem.IDEMPOTENCY_KEY_REUSED.problem("Idempotency-Key '" + key
                    + "' was already used for a different " + write.makes + "; use a new key for a new "
                    + write.makes + ".");
        }
        return new Answer<>(earlier.apply(claimed.resourceId()), true);
    }

    /**
     * Of the parsed request, so whitespace or field order in the JSON does not matter. The same
     * fingerprint as the one stored before this store existed (V11 copied those), so it must not
     * change while such keys may be retried.
     */
    private String hash(Object request) {
        try {
            byte[] json = mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}

package dev.authschema.adapter;

import java.time.Instant;
import java.util.List;

/**
 * Optional bulk operations an {@link AuthAdapter} may also implement: the periodic clean-up of expired rows,
 * listing a user's sessions and "sign out everywhere else". A separate interface rather than more {@link AuthAdapter} methods, so that existing
 * adapters and the conformance kit's capability checks stay as they are; the engine tests {@code instanceof} and,
 * without it, logs once that clean-up is off and refuses "sign out everywhere else" with a clear message.
 *
 * <p>Every method is idempotent and safe when several servers call it at the same time: deleting rows that another
 * server already deleted just deletes fewer.
 */
public interface AdapterMaintenance {

    /**
     * Deletes up to {@code limit} sessions that expired before {@code now}.
     *
     * @param now   the current time
     * @param limit the most rows to delete in this call, at least 1 (keeps transactions and locks short)
     * @return how many were deleted; less than {@code limit} means none are left
     */
    int deleteExpiredSessions(Instant now, int limit);

    /**
     * Deletes up to {@code limit} verification tokens that expired before {@code now}.
     *
     * @param now   the current time
     * @param limit the most rows to delete in this call, at least 1
     * @return how many were deleted; less than {@code limit} means none are left
     */
    int deleteExpiredVerificationTokens(Instant now, int limit);

    /**
     * Deletes every session of a user except one, for "sign out everywhere else".
     *
     * @param userId           the user
     * @param keepSessionToken the session to keep (the caller's own), or {@code null} to delete all
     * @return how many were deleted
     */
    int deleteSessionsOfUser(String userId, String keepSessionToken);

    /**
     * The sessions of a user that have not expired at {@code now}, for a "your devices" page.
     *
     * <p>The user id matches exactly: {@code "a "} is another user than {@code "a"}, also on databases whose
     * comparison pads with blanks. An id that cannot be one of the schema's ids
     * (not a number where ids are numbers) has no sessions.
     *
     * @param userId the user
     * @param now    the current time: sessions whose {@code expires} is after it are listed
     * @return the sessions, the one that ends last first; sessions that end at the same time in no given order
     */
    List<AdapterSession> sessionsOfUser(String userId, Instant now);
}

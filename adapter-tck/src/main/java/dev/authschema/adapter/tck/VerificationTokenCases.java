package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.VERIFICATION_TOKENS;
import static dev.authschema.adapter.tck.ModelAssertions.assertHolds;
import static dev.authschema.adapter.tck.ModelAssertions.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VerificationToken role: single-use e-mail sign-in tokens. */
public interface VerificationTokenCases extends ConformanceCases {

    /**
     * Auth.js {@code createVerificationToken}: exactly the identifier, the hashed token and the expiry are stored.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(VERIFICATION_TOKENS)
    default void create_verification_token_stores_exactly_identifier_hashed_token_and_expiry() {
        VerificationToken given = context().fixtures().verificationToken();

        VerificationToken created = context().adapter().createVerificationToken(given);

        assertSameModel(created, given, "token returned by createVerificationToken");
        assertHolds(context().db().verificationToken(given.identifier(), given.token()), given, "token row");
    }

    /**
     * Auth.js {@code useVerificationToken}: the token is returned once and deleted; the next use gets nothing.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(VERIFICATION_TOKENS)
    default void use_verification_token_returns_the_token_once_and_then_nothing() {
        AuthAdapter adapter = context().adapter();
        VerificationToken token =
                adapter.createVerificationToken(context().fixtures().verificationToken());

        assertHolds(adapter.useVerificationToken(token.identifier(), token.token()), token, "first use");
        assertThat(adapter.useVerificationToken(token.identifier(), token.token()))
                .as("second use")
                .isEmpty();
        assertThat(context().db().verificationToken(token.identifier(), token.token()))
                .as("token row")
                .isEmpty();
    }

    /**
     * Auth.js {@code useVerificationToken}: a wrong identifier or token gets nothing and leaves the token usable.
     */
    @Test
    @Tag(AUTHJS)
    @Requires(VERIFICATION_TOKENS)
    default void use_verification_token_with_a_wrong_identifier_returns_nothing_and_keeps_the_token() {
        AuthAdapter adapter = context().adapter();
        VerificationToken token =
                adapter.createVerificationToken(context().fixtures().verificationToken());

        assertThat(adapter.useVerificationToken("someone-else@example.com", token.token()))
                .isEmpty();
        assertThat(adapter.useVerificationToken(
                        token.identifier(), context().fixtures().unknownKey()))
                .isEmpty();

        assertHolds(context().db().verificationToken(token.identifier(), token.token()), token, "untouched token");
        assertHolds(adapter.useVerificationToken(token.identifier(), token.token()), token, "use by its owner");
    }

    /**
     * One identifier may hold several open tokens; using one leaves the others.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(VERIFICATION_TOKENS)
    default void one_identifier_can_hold_several_tokens_that_are_used_separately() {
        AuthAdapter adapter = context().adapter();
        VerificationToken first =
                adapter.createVerificationToken(context().fixtures().verificationToken());
        VerificationToken second = adapter.createVerificationToken(new VerificationToken(
                first.identifier(),
                context().fixtures().verificationToken().token(),
                first.expires().plusSeconds(60)));

        assertHolds(adapter.useVerificationToken(first.identifier(), first.token()), first, "first token");

        assertHolds(context().db().verificationToken(second.identifier(), second.token()), second, "second token");
        assertHolds(adapter.useVerificationToken(second.identifier(), second.token()), second, "second token used");
    }
}

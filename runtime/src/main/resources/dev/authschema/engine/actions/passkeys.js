/*
 * AuthSchema passkeys: the browser half of the WebAuthn ceremonies, without dependencies.
 *
 * Include it from the engine, <script src="<context>/api/auth/passkeys.js" defer></script>, and mark buttons:
 *   data-passkey-action  "register" (add a passkey; sign up where allowed) or "authenticate" (sign in)
 *   data-provider        the passkey provider's id, "passkey" when absent
 *   data-callback-url    where to go afterwards, optional
 *   data-name-input      for a sign-up: the id of the input holding the new user's name, optional
 * A click asks <base>/webauthn-options/<provider> for the options, lets the browser create or use a passkey, posts
 * the answer to <base>/callback/<provider> with the CSRF token, and follows the URL the engine answers (the
 * callback URL, or the error page). Errors the browser reports (the user cancelled, no passkey) are shown in the
 * element with the attribute data-passkey-status, if there is one.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script.src.replace(/\/passkeys\.js(\?.*)?$/, "");

  function toBytes(base64url) {
    var text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function show(message) {
    var status = document.querySelector("[data-passkey-status]");
    if (status) {
      status.textContent = message;
      status.hidden = false;
    }
  }

  function json(response) {
    return response.json().then(function (body) {
      if (!response.ok) {
        throw new Error("The server refused the passkey request (" + (body.error || response.status) + ").");
      }
      return body;
    });
  }

  function credentialJson(credential, action) {
    var response = credential.response;
    var answer = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults()
    };
    if (action === "register") {
      answer.response = {
        clientDataJSON: toBase64url(response.clientDataJSON),
        attestationObject: toBase64url(response.attestationObject),
        transports: response.getTransports ? response.getTransports() : []
      };
    } else {
      answer.response = {
        clientDataJSON: toBase64url(response.clientDataJSON),
        authenticatorData: toBase64url(response.authenticatorData),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
      };
    }
    return answer;
  }

  function ceremony(button) {
    var provider = button.getAttribute("data-provider") || "passkey";
    var wanted = button.getAttribute("data-passkey-action");
    var nameInput = button.getAttribute("data-name-input");
    var query = "?action=" + encodeURIComponent(wanted);
    if (nameInput && document.getElementById(nameInput)) {
      query += "&name=" + encodeURIComponent(document.getElementById(nameInput).value);
    }
    var action;
    var csrf = fetch(base + "/csrf", {credentials: "same-origin"}).then(json);
    return fetch(base + "/webauthn-options/" + encodeURIComponent(provider) + query, {
      credentials: "same-origin", headers: {"Accept": "application/json"}
    }).then(json).then(function (body) {
      var options = body.options;
      action = body.action;
      options.challenge = toBytes(options.challenge);
      if (action === "register") {
        options.user.id = toBytes(options.user.id);
        (options.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
        return navigator.credentials.create({publicKey: options});
      }
      (options.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
      return navigator.credentials.get({publicKey: options});
    }).then(function (credential) {
      return csrf.then(function (token) {
        var form = new URLSearchParams();
        form.set("action", action);
        form.set("data", JSON.stringify(credentialJson(credential, action)));
        form.set("csrfToken", token.csrfToken);
        form.set("callbackUrl", button.getAttribute("data-callback-url") || window.location.href);
        return fetch(base + "/callback/" + encodeURIComponent(provider), {
          method: "POST", credentials: "same-origin", body: form,
          headers: {"X-Auth-Return-Redirect": "1", "Accept": "application/json"}
        });
      });
    }).then(json).then(function (body) {
      window.location.assign(body.url);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-passkey-action]") : null;
    if (!button) {
      return;
    }
    event.preventDefault();
    if (!window.PublicKeyCredential) {
      show("This browser cannot use passkeys.");
      return;
    }
    button.disabled = true;
    ceremony(button).catch(function (error) {
      show(error && error.name === "NotAllowedError"
        ? "The passkey request was cancelled or timed out. Try again."
        : (error && error.message) || "The passkey could not be used.");
    }).then(function () {
      button.disabled = false;
    });
  });
})();

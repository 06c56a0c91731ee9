/** The conformance kit and the engine inside real Jakarta EE servers, deployed by Arquillian. */
package dev.authschema.containerit;

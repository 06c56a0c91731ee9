/**
 * The Maven goals ({@code generate}, {@code validate}, {@code format}, {@code diagram}): thin Mojos over the generator.
 */
package dev.authschema.maven;

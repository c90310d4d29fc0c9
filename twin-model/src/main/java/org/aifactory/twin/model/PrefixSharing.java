package org.aifactory.twin.model;

/**
 * Shared prompt prefixes of synthetic traffic (system prompts, few-shot headers, chat history):
 * each request belongs to one of {@code sessions} sessions of Zipf popularity (exponent
 * {@code zipfExponent}), and the first {@code sharedPrefixTokens} tokens of its prompt are its
 * session's prefix. Trace files carry a session id per row instead.
 */
public record PrefixSharing(int sessions, double zipfExponent, int sharedPrefixTokens) {}

package org.aifactory.twin.ui;

/** One line of the properties panel: a field name (dotted for nested values, with its unit in it) and its value. */
public record PropertyRow(String name, String value) {}

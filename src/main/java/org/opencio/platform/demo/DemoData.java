package org.opencio.platform.demo;

/**
 * Sample data a module adds in demo mode ({@code opencio.demo.enabled=true}). Contributors run in {@link #order()} and
 * must skip what already exists, since the application may start many times on the same database.
 */
public interface DemoData {

    int order();

    void load(DemoSettings settings);
}

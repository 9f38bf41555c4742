// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A service of the composition root built on first use, once, whichever thread asks first. Why:
 * a command needs two or three of the context's services; building all of them at start (JSON
 * mapper, consent flows, Graph and token clients, exporters) cost about 700 loaded classes before
 * any command ran (counted with {@code -Xlog:class+load}).
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(factory.get(), "a service factory returned null");
                    value = result;
                }
            }
        }
        return result;
    }

    /** True once the service was built (for tests of what a start builds). */
    boolean built() {
        return value != null;
    }
}

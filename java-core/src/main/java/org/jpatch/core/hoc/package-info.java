/**
 * NEURON's object model, once: the registry of the classes, functions and globals that NEURON's
 * {@code h} (and hoc) name — each implemented once here over the engine, reached by every caller
 * (the bridge's generic protocol for Python, the hoc interpreter, Java programs) by name.
 *
 * <p>A {@link org.jpatch.core.hoc.HocClass} describes one class: its constructor, methods and
 * properties with their docs; a {@link org.jpatch.core.hoc.HocFunction} one top-level function.
 * Arguments come as {@link org.jpatch.core.hoc.HocArgs}, which each caller implements over its own
 * values (JSON for the bridge, hoc's stack for the interpreter, {@link
 * org.jpatch.core.hoc.HocArgs#of} for Java). Results are plain Java values: {@code null}, numbers,
 * strings, booleans, {@code double[]}, lists, or engine objects (which callers turn into handles).
 * A refusal is a {@link org.jpatch.core.ModelException} thrown before anything changed.
 */
package org.jpatch.core.hoc;

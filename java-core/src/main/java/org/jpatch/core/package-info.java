/** jpatch's engine: NEURON's simulation core re-implemented in plain Java. */
package org.jpatch.core;

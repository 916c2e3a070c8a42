/** The gateway server that Python's {@code patch} package drives over Py4J. */
package org.jpatch.bridge;

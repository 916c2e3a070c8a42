package org.jpatch.core.hoc;

/**
 * What registry functions print (NEURON prints to the process's stdout and stderr): kept here until
 * the caller takes it, so that it appears where the caller's own output goes (Python's sys.stdout).
 */
public final class HocOutput {
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    public void print(String text) {
        out.append(text);
    }

    public void warn(String line) {
        err.append(line).append('\n');
    }

    public boolean isEmpty() {
        return out.length() == 0 && err.length() == 0;
    }

    /** The text printed since the last take, and forgets it. */
    public String takeOut() {
        String text = out.toString();
        out.setLength(0);
        return text;
    }

    public String takeErr() {
        String text = err.toString();
        err.setLength(0);
        return text;
    }
}

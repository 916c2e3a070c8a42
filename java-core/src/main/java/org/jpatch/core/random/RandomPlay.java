package org.jpatch.core.random;

import org.jpatch.core.ModelException;
import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.Simulation;
import org.jpatch.core.sim.StepObserver;

/**
 * Random.play(&var) (ivocrand.cpp's RandomPlay): the variable takes a new draw of the
 * Random's current distribution in finitialize, before Vector.play starts, and at each
 * fixed step after the events up to t + dt/2, before t advances (nrn_random_play's places
 * in nrn_finitialize and nrn_fixed_step_thread). Plays run in the order they were made.
 * The play ends when its variable goes away, as NEURON drops it when the handle dies.
 */
public final class RandomPlay implements StepObserver {
    private final Simulation sim;
    private final Random random;
    private final VarRef target;

    private RandomPlay(Simulation sim, Random random, VarRef target) {
        this.sim = sim;
        this.random = random;
        this.target = target;
    }

    /** Starts playing draws of {@code random} into {@code target}; the variable must exist now. */
    public static RandomPlay start(Simulation sim, Random random, VarRef target) {
        target.get();
        RandomPlay play = new RandomPlay(sim, random, target);
        sim.addStepObserver(play);
        return play;
    }

    /** No more draws into the variable. */
    public void stop() {
        sim.removeStepObserver(this);
    }

    @Override
    public void initializing(Simulation s) {
        play();
    }

    @Override
    public void initialized(Simulation s) {}

    @Override
    public void beforeStep(Simulation s) {
        play();
    }

    @Override
    public void afterStep(Simulation s) {}

    private void play() {
        try {
            target.set(random.repick());
        } catch (ModelException variableGone) {
            stop();
        }
    }
}

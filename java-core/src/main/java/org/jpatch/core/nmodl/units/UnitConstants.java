package org.jpatch.core.nmodl.units;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jpatch.core.nmodl.NmodlSyntaxException;
import org.jpatch.core.nmodl.ast.ModelItem;
import org.jpatch.core.nmodl.ast.NmodlFile;
import org.jpatch.core.nmodl.ast.UnitDefinition;

/**
 * The named constants of a file's UNITS blocks ({@code FARADAY = (faraday) (coulomb)}),
 * evaluated as nocmodl does at translation time, in source order so that a unit
 * introduced by {@code (mM) = (milli/liter)} serves the lines after it.
 */
public final class UnitConstants {
    private UnitConstants() {
    }

    /** Constant name to value, in declaration order; a file without UNITS block gives an empty map. */
    public static Map<String, Double> evaluate(NmodlFile file) {
        Map<String, Double> constants = new LinkedHashMap<>();
        UnitsDatabase database = UnitsDatabase.neuron();
        for (ModelItem item : file.flatItems()) {
            if (item instanceof ModelItem.Units units) {
                for (UnitDefinition definition : units.definitions()) {
                    try {
                        apply(definition, database, constants);
                    } catch (UnitsException e) {
                        throw new NmodlSyntaxException(definition.position(), e.getMessage());
                    }
                }
            }
        }
        return constants;
    }

    private static void apply(UnitDefinition definition, UnitsDatabase database, Map<String, Double> constants) {
        if (definition instanceof UnitDefinition.Alias alias) {
            database.define(alias.unit(), alias.definition());
        } else if (definition instanceof UnitDefinition.ConversionFactor factor) {
            constants.put(factor.name(), database.factor(factor.from(), factor.to()));
        } else if (definition instanceof UnitDefinition.NumericConstant constant) {
            // nocmodl copies the number into the C source; the unit is not even looked up
            constants.put(constant.name(), constant.value().value());
        }
    }
}

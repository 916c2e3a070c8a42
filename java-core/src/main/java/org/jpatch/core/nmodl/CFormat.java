package org.jpatch.core.nmodl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's printf for the conversions .mod files hand doubles to: {@code %f}, {@code %e},
 * {@code %g} with the flags {@code - + space 0}, a width and a precision, and {@code %%}.
 * glibc prints the exact binary value rounded to nearest, ties to even; BigDecimal of the
 * double does the same. (Java's Formatter differs: %g keeps trailing zeros, ties go up.)
 */
public final class CFormat {
    private CFormat() {
    }

    /** Why C would read {@code format} otherwise than this class, or null when it agrees; {@code args}: doubles given. */
    public static String unsupported(String format, int args) {
        int conversions = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            Spec spec = Spec.parse(format, i + 1);
            if (spec == null) {
                return "printf conversion at " + format.substring(i) + " (only %f, %e, %g and %% with - + space 0,"
                        + " width and precision)";
            }
            conversions += spec.conversion == '%' ? 0 : 1;
            i = spec.end - 1;
        }
        return conversions == args ? null : "printf with " + conversions + " conversions and " + args + " values";
    }

    /** The text C's printf writes; {@code format} has passed {@link #unsupported}. */
    public static String format(String format, double... args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            Spec spec = Spec.parse(format, i + 1);
            out.append(spec.conversion == '%' ? "%" : spec.apply(args[next++]));
            i = spec.end - 1;
        }
        return out.toString();
    }

    private record Spec(String flags, int width, int precision, char conversion, int end) {
        static Spec parse(String format, int at) {
            int i = at;
            while (i < format.length() && "-+ 0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(at, i);
            int width = 0;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = 10 * width + (format.charAt(i++) - '0');
            }
            int precision = 6;
            if (i < format.length() && format.charAt(i) == '.') {
                precision = 0;
                i++;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    precision = 10 * precision + (format.charAt(i++) - '0');
                }
            }
            if (i >= format.length() || "feg%".indexOf(format.charAt(i)) < 0
                    || (format.charAt(i) == '%' && i != at)) {
                return null;
            }
            return new Spec(flags, width, precision, format.charAt(i), i + 1);
        }

        String apply(double value) {
            boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
            String sign = negative ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
            double magnitude = Math.abs(value);
            String digits;
            if (Double.isNaN(value)) {
                digits = "nan";
            } else if (Double.isInfinite(value)) {
                digits = "inf";
            } else {
                digits = switch (conversion) {
                    case 'f' -> fixed(magnitude, precision);
                    case 'e' -> exponential(magnitude, precision);
                    default -> general(magnitude, precision == 0 ? 1 : precision);
                };
            }
            int pad = Math.max(0, width - sign.length() - digits.length());
            if (flags.contains("-")) {
                return sign + digits + " ".repeat(pad);
            }
            if (flags.contains("0") && Double.isFinite(value)) {
                return sign + "0".repeat(pad) + digits;
            }
            return " ".repeat(pad) + sign + digits;
        }

        private static String fixed(double magnitude, int precision) {
            return new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        }

        private static String exponential(double magnitude, int precision) {
            if (magnitude == 0.0) {
                return (precision == 0 ? "0" : "0." + "0".repeat(precision)) + "e+00";
            }
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String unscaled = rounded.unscaledValue().toString();
            unscaled = (unscaled + "0".repeat(precision + 1)).substring(0, precision + 1); // a rounded 10 has trailing zeros
            int exponent = rounded.precision() - rounded.scale() - 1;
            String mantissa = precision == 0 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            String e = Integer.toString(Math.abs(exponent));
            return mantissa + (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
        }

        /** C's %g: %e's exponent X at P digits picks %f with P-1-X decimals when -4 <= X < P; trailing zeros go. */
        private static String general(double magnitude, int significant) {
            int exponent = 0;
            if (magnitude != 0.0) {
                BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(significant, RoundingMode.HALF_EVEN));
                exponent = rounded.precision() - rounded.scale() - 1;
            }
            String text = exponent >= -4 && exponent < significant ? fixed(magnitude, significant - 1 - exponent)
                    : exponential(magnitude, significant - 1);
            int e = text.indexOf('e');
            String mantissa = e < 0 ? text : text.substring(0, e);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return e < 0 ? mantissa : mantissa + text.substring(e);
        }
    }
}

package org.jpatch.core.hoc;

import org.jpatch.core.nmodl.CFormat;

/**
 * hoc's printf formatting (NEURON's oc/fileio.cpp hoc_sprint1): the format is cut after each
 * conversion letter (d o x c f e g s %), each piece formatted by C's rules with the next argument.
 * %d %o %x take the number as C's (int) cast (%ld... as long long), %c as (char); %s takes a str;
 * %% prints what precedes its second %. A trailing, unfinished conversion is printed as written.
 * Flags - + space 0, a width and a precision; a piece C would read otherwise is refused.
 */
final class HocFormat {
    private HocFormat() {}

    private static final String CONVERSIONS = "doxcfegs%";

    /** The text hoc's printf writes for {@code args}, whose argument 0 is the format. */
    static String format(HocArgs args) {
        String format = args.string(0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        int i = 0;
        while (i < format.length()) {
            int percent = format.indexOf('%', i);
            if (percent < 0) {
                out.append(format, i, format.length());
                break;
            }
            out.append(format, i, percent);
            int end = percent + 1;
            while (end < format.length() && CONVERSIONS.indexOf(format.charAt(end)) < 0) {
                end++;
            }
            if (end == format.length()) {
                out.append(format, percent, end);
                break;
            }
            char conversion = format.charAt(end);
            String spec = format.substring(percent + 1, end);
            if (conversion == '%') {
                out.append('%').append(spec);
            } else {
                if (next >= args.size()) {
                    throw new HocArgumentException("printf: not enough arguments for the format '" + format + "'");
                }
                out.append(piece(args, next++, spec, conversion, format));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String piece(HocArgs args, int arg, String spec, char conversion, String format) {
        String flags = leading(spec, "-+ 0");
        String rest = spec.substring(flags.length());
        int longs = rest.length() - rest.replaceAll("l+$", "").length();
        rest = rest.substring(0, rest.length() - longs);
        if (!rest.matches("[0-9]*(\\.[0-9]*)?") || (longs > 0 && "dox".indexOf(conversion) < 0) || longs > 2) {
            throw new HocExecError("printf: jpatch cannot format '%" + spec + conversion + "' in '" + format + "'");
        }
        int dot = rest.indexOf('.');
        int width = dot == 0 || rest.isEmpty() ? 0 : Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot));
        int precision = dot < 0 ? -1 : dot + 1 == rest.length() ? 0 : Integer.parseInt(rest.substring(dot + 1));
        return switch (conversion) {
            case 'f', 'e', 'g' -> CFormat.format("%" + spec + conversion, args.number(arg));
            case 's' -> pad(flags, width, precision < 0 ? args.string(arg)
                    : args.string(arg).substring(0, Math.min(precision, args.string(arg).length())));
            case 'c' -> pad(flags, width, String.valueOf((char) (cInt(args.number(arg)) & 0xFF)));
            default -> integer(flags, width, precision, conversion, args.number(arg), longs > 0);
        };
    }

    private static String leading(String text, String allowed) {
        int n = 0;
        while (n < text.length() && allowed.indexOf(text.charAt(n)) >= 0) {
            n++;
        }
        return text.substring(0, n);
    }

    /** x86's conversion of a double to int (cvttsd2si): out of range and NaN give INT_MIN. */
    private static int cInt(double x) {
        return x >= -2147483648.0 && x < 2147483648.0 ? (int) x : Integer.MIN_VALUE;
    }

    private static long cLong(double x) {
        return x >= -9.223372036854775808E18 && x < 9.223372036854775808E18 ? (long) x : Long.MIN_VALUE;
    }

    private static String integer(String flags, int width, int precision, char conversion, double x, boolean isLong) {
        long value = isLong ? cLong(x) : cInt(x);
        String digits = switch (conversion) {
            case 'o' -> isLong ? Long.toOctalString(value) : Integer.toOctalString((int) value);
            case 'x' -> isLong ? Long.toHexString(value) : Integer.toHexString((int) value);
            default -> value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        };
        if (precision == 0 && value == 0) {
            digits = "";
        }
        if (precision > digits.length()) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        String sign = conversion != 'd' ? "" : value < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        if (flags.contains("0") && !flags.contains("-") && precision < 0) {
            int zeros = Math.max(0, width - sign.length() - digits.length());
            return sign + "0".repeat(zeros) + digits;
        }
        return pad(flags, width, sign + digits);
    }

    private static String pad(String flags, int width, String text) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return flags.contains("-") ? text + spaces : spaces + text;
    }
}

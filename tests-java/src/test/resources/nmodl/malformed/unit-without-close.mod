: error 3:22 unit without closing ')'
PARAMETER {
    g = 1 (mV  : oops
}

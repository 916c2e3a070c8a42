: error 3:5 equations can't occur in a BREAKPOINT block
BREAKPOINT {
    ~ a = b
}

: error 5:1 expected '}' closing the block opened at
BREAKPOINT {
    x = 1
    if (x > 0) { x = 2 }

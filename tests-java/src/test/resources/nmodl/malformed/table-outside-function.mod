: error 3:5 TABLE valid only for FUNCTION or PROCEDURE
INITIAL {
    TABLE m FROM 1 TO 2 WITH 3
}

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Prints the one number a counting query answers: java -cp postgresql.jar bench/load/CountRows.java JDBC_URL SQL */
public class CountRows {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                ResultSet rows = connection.createStatement().executeQuery(args[1])) {
            rows.next();
            System.out.println(rows.getLong(1));
        }
    }
}

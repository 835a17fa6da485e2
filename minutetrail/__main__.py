from minutetrail.cli import main

main()

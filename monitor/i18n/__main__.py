from monitor.i18n import main

main()

/* bench/startup-floor: a static program that does nothing, so that
 * bench/speed can show the cost of starting any process on this machine
 * beside the cost of one precis command. */
int main(void)
{
    return 0;
}
